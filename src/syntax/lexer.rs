//! The lexer adapter between logos and the lalrpop grammar.
//!
//! In: program text. Out: `(start, Tok, end)` triples or a [`LexError`] with
//! the span of the offending text.
//!
//! Always: reserved words become their own tokens (`sum_j` becomes a binder
//! token carrying `j`); newlines inside `()`, `[]` and `{}` are dropped, so a
//! bracketed expression may span lines; elsewhere a newline separates
//! statements.

use super::token::{Func, Raw, ReduceKind, Tok};
use crate::diagnostics::{Diagnostic, Span};
use logos::Logos;

/// A lexical error and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
}

impl LexError {
    pub fn into_diagnostic(self) -> Diagnostic {
        let mut d = Diagnostic::at(self.message, self.span);
        if let Some(h) = self.hint {
            d = d.with_note(h);
        }
        d
    }
}

/// Iterator of tokens for the generated parser.
pub struct Lexer<'a> {
    inner: logos::Lexer<'a, Raw>,
    depth: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer {
            inner: Raw::lexer(src),
            depth: 0,
        }
    }
}

/// Splits `sum_j`-style words; `kind` is the binder, `rest` what follows `_`.
fn binder<'a>(
    kind: ReduceKind,
    word: &str,
    rest: &'a str,
    span: Span,
) -> Result<Tok<'a>, LexError> {
    if rest.is_empty() {
        return Ok(Tok::BinderOpen(kind));
    }
    if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Ok(Tok::BinderIdx(kind, rest));
    }
    let plain = match kind {
        ReduceKind::Sum => "sum",
        ReduceKind::Prod => "prod",
    };
    Err(LexError {
        span,
        message: format!("`{word}_{rest}` does not name an index"),
        hint: Some(format!(
            "an index name starts with a letter: write `{plain}_j`, `{plain}_{{j,k}}` or `{plain}_{{i=1}}^{{N}}`"
        )),
    })
}

fn word(text: &str, span: Span) -> Result<Tok<'_>, LexError> {
    if let Some(rest) = text.strip_prefix("sum_") {
        return binder(ReduceKind::Sum, "sum", rest, span);
    }
    if let Some(rest) = text.strip_prefix("prod_") {
        return binder(ReduceKind::Prod, "prod", rest, span);
    }
    Ok(match text {
        "delta" => Tok::Delta,
        "diff" => Tok::Diff,
        "sum" | "prod" => Tok::Reserved(text),
        _ => match Func::from_name(text) {
            Some(f) => Tok::Func(f),
            None => Tok::Ident(text),
        },
    })
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<(usize, Tok<'a>, usize), LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let raw = self.inner.next()?;
            let range = self.inner.span();
            let span = Span::from(range.clone());
            let text = self.inner.slice();
            let tok = match raw {
                Err(()) => {
                    let shown: String = text.chars().take(8).collect();
                    return Some(Err(LexError {
                        span,
                        message: format!("unexpected character `{shown}`"),
                        hint: Some(
                            "ricci text uses names, numbers and `+ - * / ^ = ( ) [ ] { } , ;`"
                                .to_string(),
                        ),
                    }));
                }
                Ok(Raw::Newline) if self.depth > 0 => continue,
                Ok(raw) => match raw {
                    Raw::Word => word(text, span),
                    Raw::UnicodeBinder => {
                        let kind = if text.starts_with('∑') {
                            ReduceKind::Sum
                        } else {
                            ReduceKind::Prod
                        };
                        // Both signs are 3 bytes, followed by `_`.
                        binder(kind, &text[..3], &text[4..], span)
                    }
                    Raw::Number => Ok(Tok::Num(text)),
                    Raw::SumSign | Raw::ProdSign => Ok(Tok::Reserved(text)),
                    Raw::DeltaSign => Ok(Tok::Delta),
                    Raw::Plus => Ok(Tok::Plus),
                    Raw::Minus | Raw::UnicodeMinus => Ok(Tok::Minus),
                    Raw::Star => Ok(Tok::Star),
                    Raw::Slash => Ok(Tok::Slash),
                    Raw::Caret => Ok(Tok::Caret),
                    Raw::Eq => Ok(Tok::Eq),
                    Raw::LParen => Ok(Tok::LParen),
                    Raw::RParen => Ok(Tok::RParen),
                    Raw::LBracket => Ok(Tok::LBracket),
                    Raw::RBracket => Ok(Tok::RBracket),
                    Raw::LBrace => Ok(Tok::LBrace),
                    Raw::RBrace => Ok(Tok::RBrace),
                    Raw::Comma => Ok(Tok::Comma),
                    Raw::Semi => Ok(Tok::Semi),
                    Raw::Newline => Ok(Tok::Newline),
                },
            };
            if let Ok(t) = &tok {
                match t {
                    Tok::LParen | Tok::LBracket | Tok::LBrace => self.depth += 1,
                    Tok::RParen | Tok::RBracket | Tok::RBrace => {
                        self.depth = self.depth.saturating_sub(1)
                    }
                    _ => {}
                }
            }
            return Some(tok.map(|t| (range.start, t, range.end)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<String> {
        Lexer::new(src)
            .map(|r| match r {
                Ok((l, t, r)) => format!("{t}@{l}..{r}"),
                Err(e) => format!("ERR({})@{}..{}", e.message, e.span.start, e.span.end),
            })
            .collect()
    }

    #[test]
    fn binders_split_off_their_index() {
        assert_eq!(toks("sum_jk"), ["`sum_jk`@0..6"]);
        assert_eq!(
            toks("sum_{j}"),
            ["`sum_`@0..4", "`{`@4..5", "`j`@5..6", "`}`@6..7"]
        );
        assert_eq!(toks("∑_j"), ["`sum_j`@0..5"]);
        assert_eq!(toks("prod_i"), ["`prod_i`@0..6"]);
        assert_eq!(toks("sum"), ["`sum`@0..3"]);
        assert_eq!(toks("sum_1"), ["ERR(`sum_1` does not name an index)@0..5"]);
    }

    #[test]
    fn juxtaposed_numbers_and_names() {
        assert_eq!(toks("2x"), ["`2`@0..1", "`x`@1..2"]);
        assert_eq!(
            toks("1e-3 .5 2.5"),
            ["`1e-3`@0..4", "`.5`@5..7", "`2.5`@8..11"]
        );
        assert_eq!(
            toks("3 x^4"),
            ["`3`@0..1", "`x`@2..3", "`^`@3..4", "`4`@4..5"]
        );
    }

    #[test]
    fn reserved_words_and_aliases() {
        assert_eq!(toks("δ"), ["`delta`@0..2"]);
        assert_eq!(
            toks("a·b×c"),
            ["`a`@0..1", "`*`@1..3", "`b`@3..4", "`*`@4..6", "`c`@6..7"]
        );
        assert_eq!(
            toks("exp diff max"),
            ["`exp`@0..3", "`diff`@4..8", "`max`@9..12"]
        );
    }

    #[test]
    fn comments_and_newlines() {
        assert_eq!(
            toks("a # note\nb"),
            ["`a`@0..1", "end of line@8..9", "`b`@9..10"]
        );
        assert_eq!(
            toks("(a\n+b)"),
            ["`(`@0..1", "`a`@1..2", "`+`@3..4", "`b`@4..5", "`)`@5..6"]
        );
    }

    #[test]
    fn bad_characters_are_errors_with_spans() {
        assert_eq!(toks("a @ b")[1], "ERR(unexpected character `@`)@2..3");
    }
}
