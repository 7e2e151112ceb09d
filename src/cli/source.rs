//! Reading the PROGRAM argument: literal text, `-` (standard input) or
//! `@FILE`.
//!
//! In: the argument. Out: the program text and the name diagnostics show for
//! it (`<program>`, `<stdin>` or the file's path).
//!
//! Always: at most [`MAX_PROGRAM_BYTES`] are read (`@/dev/zero` is an
//! error, not a hang); bytes that are not UTF-8 give an error that says at which byte
//! (and line) the first bad byte is, never a panic.

use super::Failure;
use crate::diagnostics::{Diagnostic, Span, render};
use std::io::Read;

pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    /// Renders errors against this source.
    pub fn fail(&self, errors: crate::diagnostics::Errors) -> Failure {
        Failure::Data(errors.render(&self.name, &self.text))
    }
}

/// The longest program read from a file or standard input.
pub const MAX_PROGRAM_BYTES: u64 = 64 << 20;

/// At most [`MAX_PROGRAM_BYTES`] from `r`, or an error naming `what`.
fn read_bounded(r: impl Read, what: &str) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    r.take(MAX_PROGRAM_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Failure::plain(format!("cannot read {what}: {e}")))?;
    if buf.len() as u64 > MAX_PROGRAM_BYTES {
        return Err(Failure::plain(format!(
            "{what} is longer than {} MiB; a program is text of a reasonable size",
            MAX_PROGRAM_BYTES >> 20
        )));
    }
    Ok(buf)
}

pub fn read(arg: &str) -> Result<Source, Failure> {
    let (name, bytes) = if arg == "-" {
        let buf = read_bounded(std::io::stdin(), "the program from standard input")?;
        ("<stdin>".to_string(), buf)
    } else if let Some(path) = arg.strip_prefix('@') {
        let what = format!("the program file `{path}`");
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::plain(format!("cannot read {what}: {e}")))?;
        (path.to_string(), read_bounded(file, &what)?)
    } else {
        return Ok(Source {
            name: "<program>".to_string(),
            text: arg.to_string(),
        });
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source { name, text }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text has the same bytes up to `at`.
            let d = Diagnostic::at(
                format!("the program is not valid UTF-8 (byte {at})"),
                Span::new(at, at + 1),
            )
            .with_note("save the program as UTF-8 text");
            Err(Failure::Data(render(&d, &name, &lossy)))
        }
    }
}
