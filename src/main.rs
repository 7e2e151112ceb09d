//! The `ricci` command line: see `ricci --help` and LANGUAGE.md section 6.
//!
//! Exit status: 0 on success; 1 on a bad program, bad data or a shape
//! mismatch (with `error: ...` on stderr pointing at the place); 2 on bad
//! command-line usage.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = ricci::cli::Cli::parse();
    ricci::cli::run(cli)
}
