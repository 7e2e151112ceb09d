//! Plain-data diagnostics and their rendering.
//!
//! In: a [`Span`] (byte offsets into the program text) and words about what is
//! wrong, from any layer. Out: a [`Diagnostic`]; only [`render`] turns it into
//! rustc-like text (file, line, column, the source line, a caret under the
//! span), using codespan-reporting.
//!
//! Always: a diagnostic is data and never panics to render, even when its span
//! lies outside the text it is rendered against (the span is clamped).

use std::fmt;

/// A half-open byte range `start..end` into the program text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A secondary place in the text with a note about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One error: a message, the primary place it points at, secondary labels and
/// help notes that say what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    /// The primary place; `None` for errors about data or the command line
    /// that no place in the program text causes.
    pub span: Option<Span>,
    /// Text under the primary caret (may be empty).
    pub span_label: String,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span: None,
            span_label: String::new(),
            labels: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn at(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            span: Some(span),
            ..Diagnostic::error(message)
        }
    }

    pub fn with_span_label(mut self, text: impl Into<String>) -> Diagnostic {
        self.span_label = text.into();
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A non-empty list of diagnostics: what every fallible stage returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors(pub Vec<Diagnostic>);

impl Errors {
    pub fn one(d: Diagnostic) -> Errors {
        Errors(vec![d])
    }

    /// Renders every diagnostic against `source`, named `file_name`.
    pub fn render(&self, file_name: &str, source: &str) -> String {
        self.0
            .iter()
            .map(|d| render(d, file_name, source))
            .collect::<Vec<_>>()
            .concat()
    }
}

impl From<Diagnostic> for Errors {
    fn from(d: Diagnostic) -> Errors {
        Errors::one(d)
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: {}", d.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// A shape in numpy's tuple notation, for messages: `(2, 3)`, `(3,)`, `()`.
pub fn show_shape(s: &[usize]) -> String {
    match s {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            s.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Clamps a span into `source` and onto character boundaries.
fn clamp(span: Span, source: &str) -> std::ops::Range<usize> {
    let mut start = span.start.min(source.len());
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Renders one diagnostic the way rustc does: `error: message`, then
/// `--> file:line:col`, the source line and carets under the span, then
/// labels and `= help:` notes. Plain text, no colour.
pub fn render(d: &Diagnostic, file_name: &str, source: &str) -> String {
    use codespan_reporting::diagnostic as cd;
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term;

    let file = SimpleFile::new(file_name, source);
    let mut labels = Vec::new();
    if let Some(span) = d.span {
        labels.push(cd::Label::primary((), clamp(span, source)).with_message(&d.span_label));
    }
    for l in &d.labels {
        labels.push(cd::Label::secondary((), clamp(l.span, source)).with_message(&l.message));
    }
    let diag = cd::Diagnostic::error()
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(d.notes.iter().map(|n| format!("help: {n}")).collect());
    let config = term::Config::default();
    match term::emit_into_string(&config, &file, &diag) {
        Ok(s) => s,
        Err(_) => format!("error: {}\n", d.message),
    }
}
