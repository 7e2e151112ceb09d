//! Reading the PROGRAM argument: literal text, `-` (standard input) or
//! `@FILE`.
//!
//! In: the argument. Out: the program text and the name diagnostics show for
//! it (`<program>`, `<stdin>` or the file's path).
//!
//! Always: bytes that are not UTF-8 give an error that says at which byte
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

pub fn read(arg: &str) -> Result<Source, Failure> {
    let (name, bytes) = if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            Failure::plain(format!("cannot read the program from standard input: {e}"))
        })?;
        ("<stdin>".to_string(), buf)
    } else if let Some(path) = arg.strip_prefix('@') {
        let bytes = std::fs::read(path)
            .map_err(|e| Failure::plain(format!("cannot read the program file `{path}`: {e}")))?;
        (path.to_string(), bytes)
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
