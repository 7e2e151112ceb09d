fn main() {
    let src = std::env::args().nth(1).unwrap_or_default();
    match ricci::syntax::parse_program(&src) {
        Ok(p) => println!("{}", ricci::syntax::ast::sexpr_program(&p)),
        Err(e) => print!("{}", e.render("<program>", &src)),
    }
}
