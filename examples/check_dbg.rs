fn main() {
    let src = std::env::args().nth(1).unwrap_or_default();
    match ricci::sema::check_source(&src) {
        Ok(p) => {
            for d in &p.defs {
                println!("{:?} axes={:?}", d.name, d.axes);
            }
            println!(
                "inputs: {:?}",
                p.inputs
                    .iter()
                    .map(|i| (&i.name, i.rank))
                    .collect::<Vec<_>>()
            );
            println!(
                "params: {:?}",
                p.params.iter().map(|i| &i.name).collect::<Vec<_>>()
            );
            println!(
                "indices: {:?}",
                p.indices
                    .iter()
                    .map(|i| (&i.name, i.role))
                    .collect::<Vec<_>>()
            );
        }
        Err(e) => print!("{}", e.render("<program>", &src)),
    }
}
