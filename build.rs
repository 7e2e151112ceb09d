//! Generates the parser from `grammar/ricci.lalrpop` at build time.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("grammar/ricci.lalrpop must generate a parser");
}
