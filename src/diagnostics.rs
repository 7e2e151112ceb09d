//! Plain-data diagnostics and their rendering.
//!
//! In: a [`Span`] (byte offsets into the program text) and words about what is
//! wrong, from any layer. Out: a [`Diagnostic`]; only [`render`] turns it into
//! rustc-like text (file, line, column, the source line, a caret under the
//! span), using codespan-reporting.
//!
//! Always: a diagnostic is data and never panics to render, even when its span
//! lies outside the text it is rendered against (the span is clamped).

pub mod suggest;
mod window;

use std::fmt;

/// At most this many diagnostics are rendered; the rest are counted.
pub const MAX_RENDERED: usize = 20;

/// Messages, labels and notes longer than this many characters are cut in
/// the middle when rendered (a name can be as long as the program).
const MAX_MESSAGE: usize = 400;

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
    /// The text the spans point into, when the diagnostic carries it
    /// ([`Errors::with_source`]): `Display` then renders the caret.
    pub source: Option<std::sync::Arc<Source>>,
}

/// A named program text that diagnostics point into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// How messages name it (`<program>`, a file name).
    pub name: String,
    pub text: String,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span: None,
            span_label: String::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            source: None,
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
/// Read it as a slice (`errors.len()`, `errors[0].message`,
/// `errors.iter()`), or render it: `Display` shows each with its caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors(pub(crate) Vec<Diagnostic>);

impl std::ops::Deref for Errors {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.0
    }
}

impl From<Errors> for Vec<Diagnostic> {
    fn from(e: Errors) -> Vec<Diagnostic> {
        e.0
    }
}

impl Errors {
    pub fn one(d: Diagnostic) -> Errors {
        Errors(vec![d])
    }

    /// The same errors, each that carries no source yet pointing into
    /// `text` (named `name` in messages), so that `Display` renders them
    /// with their carets.
    pub fn with_source(mut self, name: &str, text: &str) -> Errors {
        let source = std::sync::Arc::new(Source {
            name: name.to_string(),
            text: text.to_string(),
        });
        for d in &mut self.0 {
            if d.source.is_none() {
                d.source = Some(std::sync::Arc::clone(&source));
            }
        }
        self
    }

    /// Renders the first [`MAX_RENDERED`] diagnostics against `source`,
    /// named `file_name`, and says how many more there are.
    pub fn render(&self, file_name: &str, source: &str) -> String {
        let mut out: String = self
            .0
            .iter()
            .take(MAX_RENDERED)
            .map(|d| render(d, file_name, source))
            .collect::<Vec<_>>()
            .concat();
        let more = self.0.len().saturating_sub(MAX_RENDERED);
        if more > 0 {
            out.push_str(&format!(
                "error: {more} more error{} not shown; fix the ones above first\n",
                if more == 1 { "" } else { "s" }
            ));
        }
        out
    }
}

impl From<Diagnostic> for Errors {
    fn from(d: Diagnostic) -> Errors {
        Errors::one(d)
    }
}

/// Each diagnostic as [`render`] gives it: against its own source (caret
/// and all) when it carries one, else its message and help notes.
impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        for d in self.0.iter().take(MAX_RENDERED) {
            out += &match &d.source {
                Some(s) => render(d, &s.name, &s.text),
                None => {
                    let bare = Diagnostic {
                        span: None,
                        labels: Vec::new(),
                        ..d.clone()
                    };
                    render(&bare, "", "")
                }
            };
        }
        let more = self.0.len().saturating_sub(MAX_RENDERED);
        if more > 0 {
            out += &format!(
                "error: {more} more error{} not shown\n",
                if more == 1 { "" } else { "s" }
            );
        }
        f.write_str(out.trim_end())
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

/// `text`, cut in the middle to at most about [`MAX_MESSAGE`] characters.
fn shorten(text: &str) -> String {
    let n = text.chars().count();
    if n <= MAX_MESSAGE {
        return text.to_string();
    }
    let half = MAX_MESSAGE / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(n - half).collect();
    format!("{head} … ({} characters cut) … {tail}", n - 2 * half)
}

/// Renders one diagnostic the way rustc does: `error: message`, then
/// `--> file:line:col`, the source line and carets under the span, then
/// labels and `= help:` notes. Plain text, no colour. Lines longer than
/// `window::MAX_LINE` bytes show windows around the spans (columns are
/// still those of the full line), and long messages are cut, so the text
/// stays short whatever the program.
pub fn render(d: &Diagnostic, file_name: &str, source: &str) -> String {
    use codespan_reporting::diagnostic as cd;
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term;

    let mut spans: Vec<(std::ops::Range<usize>, &str, bool)> = Vec::new();
    if let Some(span) = d.span {
        spans.push((clamp(span, source), &d.span_label, true));
    }
    for l in &d.labels {
        spans.push((clamp(l.span, source), &l.message, false));
    }
    let labels = |map: &dyn Fn(usize) -> usize| -> Vec<cd::Label<()>> {
        spans
            .iter()
            .map(|(r, msg, primary)| {
                let r = map(r.start)..map(r.end);
                let l = if *primary {
                    cd::Label::primary((), r)
                } else {
                    cd::Label::secondary((), r)
                };
                l.with_message(shorten(msg))
            })
            .collect()
    };
    let diag = |labels| {
        cd::Diagnostic::error()
            .with_message(shorten(&d.message))
            .with_labels(labels)
            .with_notes(
                d.notes
                    .iter()
                    .map(|n| format!("help: {}", shorten(n)))
                    .collect(),
            )
    };
    let config = term::Config::default();
    let rendered = if window::has_long_line(source) {
        let ranges: Vec<_> = spans.iter().map(|(r, _, _)| r.clone()).collect();
        let file = window::Excerpt::new(file_name, source, &ranges);
        let diag = diag(labels(&|p| file.to_excerpt(p)));
        term::emit_into_string(&config, &file, &diag)
    } else {
        let file = SimpleFile::new(file_name, source);
        term::emit_into_string(&config, &file, &diag(labels(&|p| p)))
    };
    match rendered {
        Ok(s) => s,
        Err(_) => format!("error: {}\n", shorten(&d.message)),
    }
}
