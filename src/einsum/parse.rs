//! Einsum subscripts text to terms.
//!
//! In: the subscripts string exactly as the user wrote it (`"ij,jk->ik"`,
//! with spaces, `...`, or anything else). Out: [`Subscripts`]: one [`Term`]
//! per input operand and the explicit output term, if any, each label and
//! ellipsis with its byte span in that string; or every lexical and
//! structural error found, each pointing into the string.
//!
//! Always: never panics; spans lie on char boundaries of the input; labels
//! are ASCII letters; a term has at most one ellipsis; there is at most one
//! `->` and the output has no `,`. Spaces are skipped anywhere except inside
//! `->` and `...`, as in numpy's C implementation; any other character that
//! is not a letter, `,`, `->` or `...` (digits, tabs, non-ASCII) is an error.

use crate::diagnostics::{Diagnostic, Errors, Span};

/// One element of a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// An ASCII letter naming one axis.
    Label(u8, Span),
    /// `...`: the axes the labels do not name.
    Ellipsis(Span),
}

/// The subscripts of one operand or of the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub items: Vec<Item>,
    /// The term's text without surrounding spaces; empty (at the place the
    /// term would be) for an empty term.
    pub span: Span,
}

impl Term {
    /// The labels in order, with their spans.
    pub fn labels(&self) -> impl Iterator<Item = (u8, Span)> + '_ {
        self.items.iter().filter_map(|it| match *it {
            Item::Label(c, s) => Some((c, s)),
            Item::Ellipsis(_) => None,
        })
    }

    /// How many labels (not counting `...`).
    pub fn label_count(&self) -> usize {
        self.labels().count()
    }

    /// The span of the ellipsis, if the term has one.
    pub fn ellipsis(&self) -> Option<Span> {
        self.items.iter().find_map(|it| match *it {
            Item::Ellipsis(s) => Some(s),
            Item::Label(..) => None,
        })
    }
}

/// Parsed subscripts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscripts {
    /// One term per operand (at least one: `""` is one empty term).
    pub inputs: Vec<Term>,
    /// The output after `->`; `None` in implicit mode.
    pub output: Option<Term>,
    /// Everything before `->` (or the whole string), without surrounding
    /// spaces.
    pub inputs_span: Span,
    /// The `->`, if any.
    pub arrow: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Label(u8),
    Ellipsis,
    Comma,
    Arrow,
}

const ARROW_NOTE: &str =
    "write `->` (a dash and `>`, nothing between them) once, between the inputs and the output";

/// Splits subscripts into terms, reporting every error found.
pub fn parse(src: &str) -> Result<Subscripts, Errors> {
    let mut errs = Vec::new();
    let toks = lex(src, &mut errs);

    let mut inputs = Vec::new();
    let mut output_items: Vec<Item> = Vec::new();
    let mut arrow: Option<Span> = None;
    let mut cur: Vec<Item> = Vec::new();
    let mut cur_start = 0;
    for (tok, span) in toks {
        match tok {
            Tok::Label(c) => cur.push(Item::Label(c, span)),
            Tok::Ellipsis => cur.push(Item::Ellipsis(span)),
            Tok::Comma if arrow.is_some() => errs.push(
                Diagnostic::at("`,` in the output subscripts", span)
                    .with_span_label("the output is a single term")
                    .with_note(
                        "separate operands' terms with `,` before `->`; after `->` write the \
                         output's labels only (e.g. `ij,jk->ik`)",
                    ),
            ),
            Tok::Comma => {
                inputs.push(term(src, std::mem::take(&mut cur), cur_start, span.start));
                cur_start = span.end;
            }
            Tok::Arrow => match arrow {
                Some(first) => errs.push(
                    Diagnostic::at("`->` appears more than once", span)
                        .with_span_label("second `->`")
                        .with_label(first, "first `->`")
                        .with_note(ARROW_NOTE),
                ),
                None => {
                    inputs.push(term(src, std::mem::take(&mut cur), cur_start, span.start));
                    arrow = Some(span);
                    cur_start = span.end;
                }
            },
        }
    }
    let mut output = None;
    if arrow.is_some() {
        output_items.append(&mut cur);
        output = Some(term(src, output_items, cur_start, src.len()));
    } else {
        inputs.push(term(src, cur, cur_start, src.len()));
    }

    for (k, t) in inputs.iter().enumerate() {
        check_one_ellipsis(src, t, &format!("operand {k}'s subscripts"), &mut errs);
    }
    if let Some(t) = &output {
        check_one_ellipsis(src, t, "the output subscripts", &mut errs);
    }
    if !errs.is_empty() {
        return Err(Errors(errs));
    }
    let inputs_end = arrow.map_or(src.len(), |a| a.start);
    Ok(Subscripts {
        inputs,
        output,
        inputs_span: trim(src, 0, inputs_end),
        arrow,
    })
}

/// The text of a span of `src` (empty if the span is not on char boundaries).
pub fn text(src: &str, span: Span) -> &str {
    src.get(span.start..span.end).unwrap_or("")
}

fn lex(src: &str, errs: &mut Vec<Diagnostic>) -> Vec<(Tok, Span)> {
    let bytes = src.as_bytes();
    let mut toks = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        match c {
            ' ' => {}
            'a'..='z' | 'A'..='Z' => toks.push((Tok::Label(c as u8), Span::new(pos, pos + 1))),
            ',' => toks.push((Tok::Comma, Span::new(pos, pos + 1))),
            '-' if bytes.get(pos + 1) == Some(&b'>') => {
                chars.next();
                toks.push((Tok::Arrow, Span::new(pos, pos + 2)));
            }
            '-' => {
                // `- >`: one error for the split arrow rather than two.
                let mut end = pos + 1;
                while bytes.get(end) == Some(&b' ') {
                    end += 1;
                }
                if bytes.get(end) == Some(&b'>') {
                    while chars.peek().is_some_and(|&(p, _)| p <= end) {
                        chars.next();
                    }
                    errs.push(
                        Diagnostic::at("`->` must not contain spaces", Span::new(pos, end + 1))
                            .with_span_label("write `->` here")
                            .with_note(ARROW_NOTE),
                    );
                    // Go on as if it were `->` so later errors make sense.
                    toks.push((Tok::Arrow, Span::new(pos, end + 1)));
                } else {
                    errs.push(
                        Diagnostic::at("`-` is not followed by `>`", Span::new(pos, pos + 1))
                            .with_span_label("expected `->`")
                            .with_note(ARROW_NOTE),
                    );
                }
            }
            '>' => errs.push(
                Diagnostic::at("`>` without `-` before it", Span::new(pos, pos + 1))
                    .with_span_label("expected `->`")
                    .with_note(ARROW_NOTE),
            ),
            '.' => {
                let mut end = pos + 1;
                while bytes.get(end) == Some(&b'.') {
                    chars.next();
                    end += 1;
                }
                let mut dots = end - pos;
                if dots == 3 {
                    toks.push((Tok::Ellipsis, Span::new(pos, end)));
                    continue;
                }
                // `. ..`: one error for an ellipsis split by spaces.
                let mut look = end;
                while dots < 3 {
                    let mut next = look;
                    while bytes.get(next) == Some(&b' ') {
                        next += 1;
                    }
                    if next == look || bytes.get(next) != Some(&b'.') {
                        break;
                    }
                    while bytes.get(next) == Some(&b'.') {
                        next += 1;
                        dots += 1;
                    }
                    look = next;
                }
                let (span, message) = if dots == 3 && look > end {
                    while chars.peek().is_some_and(|&(p, _)| p < look) {
                        chars.next();
                    }
                    (
                        Span::new(pos, look),
                        "an ellipsis must not contain spaces".to_string(),
                    )
                } else {
                    (
                        Span::new(pos, end),
                        format!("`{}` is not an ellipsis", ".".repeat(end - pos)),
                    )
                };
                errs.push(
                    Diagnostic::at(message, span)
                        .with_span_label("expected `...`")
                        .with_note(
                            "an ellipsis is exactly three dots `...` with no spaces between \
                             them; it stands for the axes the labels do not name",
                        ),
                );
            }
            _ => {
                let span = Span::new(pos, pos + c.len_utf8());
                errs.push(
                    Diagnostic::at(
                        format!("invalid character `{}` in the subscripts", c.escape_debug()),
                        span,
                    )
                    .with_span_label("not a label")
                    .with_note(
                        "labels are single ASCII letters (a-z, A-Z); besides them only `,`, \
                         `->`, `...` and spaces may appear",
                    ),
                );
            }
        }
    }
    toks
}

fn term(src: &str, items: Vec<Item>, start: usize, end: usize) -> Term {
    Term {
        items,
        span: trim(src, start, end),
    }
}

/// `start..end` without leading and trailing spaces; empty at `start` if
/// nothing else is left.
fn trim(src: &str, start: usize, end: usize) -> Span {
    let bytes = src.as_bytes();
    let (mut s, mut e) = (start, end.max(start));
    while s < e && bytes.get(s) == Some(&b' ') {
        s += 1;
    }
    while e > s && bytes.get(e - 1) == Some(&b' ') {
        e -= 1;
    }
    Span::new(s, e)
}

fn check_one_ellipsis(src: &str, t: &Term, what: &str, errs: &mut Vec<Diagnostic>) {
    let mut ells = t.items.iter().filter_map(|it| match *it {
        Item::Ellipsis(s) => Some(s),
        Item::Label(..) => None,
    });
    if let (Some(first), Some(second)) = (ells.next(), ells.next()) {
        errs.push(
            Diagnostic::at(
                format!("{what} `{}` have more than one `...`", text(src, t.span)),
                second,
            )
            .with_span_label("second `...`")
            .with_label(first, "first `...`")
            .with_note(
                "a term has at most one `...`; it stands for all the axes that its labels \
                 do not name",
            ),
        );
    }
}
