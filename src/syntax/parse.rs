//! Glue between the lexer, the generated parser and diagnostics.
//!
//! In: program text. Out: [`ast::Program`] or [`Errors`] whose message says in
//! words what was found and what was expected there.
//!
//! Always: never panics; rejects trees deeper than [`MAX_DEPTH`].

use super::ast;
use super::lexer::{LexError, Lexer};
use super::token::Tok;
use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::grammar;
use lalrpop_util::ParseError;

/// How deeply expressions may nest (parentheses, powers, binders, calls).
pub const MAX_DEPTH: usize = 200;

/// Parses a whole program.
pub fn parse_program(src: &str) -> Result<ast::Program, Errors> {
    let program = grammar::ProgramParser::new()
        .parse(Lexer::new(src))
        .map_err(|e| Errors::one(convert(e, src)))?;
    for stmt in &program.stmts {
        match &stmt.kind {
            ast::StmtKind::Def { rhs, .. } => check_depth(rhs)?,
            ast::StmtKind::Expr(e) => check_depth(e)?,
            ast::StmtKind::Equation { lhs, rhs } => {
                check_depth(lhs)?;
                check_depth(rhs)?;
            }
            ast::StmtKind::Literal { lhs, value } => {
                check_depth(lhs)?;
                check_literal_depth(value)?;
            }
        }
    }
    Ok(program)
}

/// Parses a single expression (used by tests and the einsum front end).
pub fn parse_expr(src: &str) -> Result<ast::Expr, Errors> {
    let e = grammar::ExprParser::new()
        .parse(Lexer::new(src))
        .map_err(|e| Errors::one(convert(e, src)))?;
    check_depth(&e)?;
    Ok(e)
}

/// A literal nests at most `MAX_DEPTH` brackets, and each entry as an
/// expression.
fn check_literal_depth(l: &ast::Lit) -> Result<(), Errors> {
    if l.depth() > MAX_DEPTH {
        return Err(Errors::one(
            Diagnostic::at(
                format!("tensor literal nested more than {MAX_DEPTH} brackets deep"),
                Span::new(l.span().start, l.span().start + 1),
            )
            .with_note("a tensor has at most 32 axes"),
        ));
    }
    let mut stack = vec![l];
    while let Some(l) = stack.pop() {
        match l {
            ast::Lit::List(items, _) => stack.extend(items),
            ast::Lit::Item(e) => check_depth(e)?,
        }
    }
    Ok(())
}

fn check_depth(e: &ast::Expr) -> Result<(), Errors> {
    if e.depth() <= MAX_DEPTH {
        return Ok(());
    }
    // Point at the first node that is too deep.
    let mut stack = vec![(e, 1usize)];
    let mut span = e.span;
    while let Some((e, d)) = stack.pop() {
        if d > MAX_DEPTH {
            span = e.span;
            break;
        }
        for c in e.children() {
            stack.push((c, d + 1));
        }
    }
    Err(Errors::one(
        Diagnostic::at(
            format!("expression nested more than {MAX_DEPTH} levels deep"),
            Span::new(span.start, span.start + 1),
        )
        .with_span_label("too deep here")
        .with_note("split the formula into several definitions"),
    ))
}

/// Names a set of expected terminals in words.
fn expected_words(expected: &[String]) -> String {
    let has = |t: &str| expected.iter().any(|e| e.trim_matches('"') == t);
    let mut words: Vec<String> = Vec::new();
    let starts_expr = has("name") && has("number") && has("(");
    if starts_expr {
        words.push("an expression".into());
    } else {
        if has("name") {
            words.push("a name".into());
        }
        if has("number") {
            words.push("a number".into());
        }
    }
    for e in expected {
        let t = e.trim_matches('"');
        let skip = starts_expr
            && matches!(
                t,
                "name"
                    | "number"
                    | "("
                    | "{"
                    | "-"
                    | "delta"
                    | "diff"
                    | "function"
                    | "sum_j"
                    | "sum_"
            );
        if skip || t == "name" || t == "number" || t == "reserved word" {
            continue;
        }
        words.push(match t {
            "newline" => "end of line".to_string(),
            "sum_j" => "a sum or product".to_string(),
            "sum_" => "`sum_{`".to_string(),
            "function" => "a function call".to_string(),
            _ => format!("`{t}`"),
        });
    }
    words.dedup();
    match words.len() {
        0 => "nothing more".to_string(),
        1 => words.remove(0),
        _ => {
            let last = words.pop().unwrap_or_default();
            format!("{} or {}", words.join(", "), last)
        }
    }
}

fn hint_for(tok: &Tok<'_>) -> Option<String> {
    match tok {
        Tok::Reserved("sum") | Tok::Reserved("∑") => Some(
            "a sum needs its index after an underscore: `sum_j E`, `sum_{j,k} E` or `sum_{i=1}^{N} E`"
                .into(),
        ),
        Tok::Reserved("prod") | Tok::Reserved("∏") => Some(
            "a product needs its index after an underscore: `prod_j E` or `prod_{i=1}^{N} E`".into(),
        ),
        Tok::Reserved(_) => None,
        Tok::Eq => Some(
            "a definition is `NAME = E` or `NAME[i,j] = E`, one per statement; the left side is a name, not an expression"
                .into(),
        ),
        Tok::Delta => Some("a Kronecker delta is written `delta[i,j]`".into()),
        Tok::Func(f) => Some(format!("`{}` is a function: call it as `{}(x)`", f.name(), f.name())),
        _ => None,
    }
}

fn convert(e: ParseError<usize, Tok<'_>, LexError>, src: &str) -> Diagnostic {
    match e {
        ParseError::InvalidToken { location } => {
            Diagnostic::at("invalid token", Span::new(location, location + 1))
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let at = Span::new(location, location);
            let mut d = Diagnostic::at(
                format!(
                    "unexpected end of input: expected {}",
                    expected_words(&expected)
                ),
                at,
            )
            .with_span_label("the program ends here");
            let open = src.matches(['(', '[', '{']).count();
            let close = src.matches([')', ']', '}']).count();
            if open > close {
                d = d.with_note("a bracket is still open: close it");
            }
            d
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            // A line break is shown as a caret at the end of its line.
            let span = if tok == Tok::Newline {
                Span::new(l, l)
            } else {
                Span::new(l, r)
            };
            let mut d = Diagnostic::at(
                format!("unexpected {tok}: expected {}", expected_words(&expected)),
                span,
            )
            .with_span_label(format!("{tok} is not allowed here"));
            if let Some(h) = hint_for(&tok) {
                d = d.with_note(h);
            }
            d
        }
        ParseError::ExtraToken { token: (l, tok, r) } => {
            Diagnostic::at(format!("unexpected {tok}"), Span::new(l, r))
        }
        ParseError::User { error } => error.into_diagnostic(),
    }
}
