//! The `ricci` command line: see `ricci --help` and docs/cli.md.
//!
//! Exit status: 0 on success; 1 on a bad program, bad data or a shape
//! mismatch (with `error: ...` on stderr pointing at the place); 2 on bad
//! command-line usage.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Output piped into a reader that stops early (`ricci demo | head`):
    // stop quietly, as other command-line tools do, instead of reporting a
    // failed print as a crash.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info.to_string();
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(141);
        }
        default_hook(info);
    }));
    let cli = ricci::cli::Cli::parse();
    ricci::cli::run(cli)
}
