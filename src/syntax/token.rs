//! Tokens: the raw logos token set and the parser's token type.
//!
//! In: program text. Out: [`Raw`] tokens from logos (words, numbers,
//! punctuation, newlines; blanks and `#` comments skipped), which
//! [`super::lexer`] turns into [`Tok`]s for the grammar.
//!
//! Always: every byte of the text is either skipped (blank, comment) or part of
//! exactly one raw token or one lexical error.

use logos::Logos;

/// Tokens as logos sees them. Reserved words are recognised later, in the
/// lexer adapter, so that `sum_j` can split into a binder and an index.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r\f]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
pub enum Raw {
    #[regex("[A-Za-z][A-Za-z0-9_]*")]
    Word,
    /// `∑_j`, `∏_{`: a Unicode binder glued to its underscore.
    #[regex("(∑|∏)_[A-Za-z0-9_]*")]
    UnicodeBinder,
    #[regex("[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")]
    #[regex("\\.[0-9]+([eE][+-]?[0-9]+)?")]
    Number,
    #[token("∑")]
    SumSign,
    #[token("∏")]
    ProdSign,
    #[token("δ")]
    DeltaSign,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("−")]
    UnicodeMinus,
    #[token("*")]
    #[token("·")]
    #[token("×")]
    Star,
    #[token("/")]
    Slash,
    #[token("^")]
    Caret,
    #[token("=")]
    Eq,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("\n")]
    Newline,
}

/// Which reduction a binder introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReduceKind {
    Sum,
    Prod,
}

/// The built-in functions: their table is [`crate::ops`].
pub use crate::ops::Func;

/// A token as the grammar sees it. `Binder` carries the index glued to the
/// binder (`sum_j` gives `Some("j")`); `sum_` before `{` gives `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    Ident(&'a str),
    Num(&'a str),
    /// `sum_j` / `prod_j` / `∑_j`: the reduction and the bound index's name.
    BinderIdx(ReduceKind, &'a str),
    /// `sum_` / `∑_` right before `{`.
    BinderOpen(ReduceKind),
    /// A reserved word in a place the grammar never accepts it alone
    /// (`sum` without `_`).
    Reserved(&'a str),
    Delta,
    Diff,
    Func(Func),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Eq,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Semi,
    Newline,
}

impl std::fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self {
            Tok::Ident(s) | Tok::Num(s) | Tok::Reserved(s) => return write!(f, "`{s}`"),
            Tok::BinderIdx(ReduceKind::Sum, i) => return write!(f, "`sum_{i}`"),
            Tok::BinderIdx(ReduceKind::Prod, i) => return write!(f, "`prod_{i}`"),
            Tok::BinderOpen(ReduceKind::Sum) => "sum_",
            Tok::BinderOpen(ReduceKind::Prod) => "prod_",
            Tok::Delta => "delta",
            Tok::Diff => "diff",
            Tok::Func(func) => func.name(),
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Caret => "^",
            Tok::Eq => "=",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Newline => return f.write_str("end of line"),
        };
        write!(f, "`{s}`")
    }
}
