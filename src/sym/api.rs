//! The symbolic engine's front door: parse, simplify, differentiate, print.
//!
//! In: program text, a definition name and a target (`x` or `w[k]`). Out: a
//! [`SymProgram`] holding the simplified program (and the derivative
//! definitions asked for), and its text or LaTeX.
//!
//! ```
//! let mut p = ricci::SymProgram::parse("y[i] = sum_j X[i,j] w[j]").unwrap();
//! let d = p.diff(Some("y"), "w[k]").unwrap();
//! assert_eq!(p.program_text(&[d]), "dy_dw[i,k] = X[i,k]\n");
//! ```
//!
//! Always: printed programs parse again and compute what the original
//! computes (the derivative's axes are the definition's axes, then the
//! target's indices); errors about the target name the `--wrt`/`--of` text.

use super::chain::{Target, add_derivative};
use super::program::SymProgram;
use super::{latex, print};
use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::sema::{DefId, TensorRef};

impl SymProgram {
    /// Parses, checks and lowers program text: every definition simplified,
    /// every `diff(...)` replaced by its derivative.
    pub fn parse(src: &str) -> Result<SymProgram, Errors> {
        let program = crate::sema::check_source(src)?;
        super::lower(&program)
    }

    /// The definition named `of` (default: the last named one).
    pub fn find_def(&self, of: Option<&str>) -> Result<DefId, Errors> {
        let user: Vec<DefId> = self
            .order
            .iter()
            .copied()
            .filter(|d| !self.defs[d.index()].derived)
            .collect();
        match of {
            Some(name) => user
                .iter()
                .copied()
                .find(|d| self.defs[d.index()].name.as_deref() == Some(name))
                .ok_or_else(|| {
                    let names: Vec<&str> = user
                        .iter()
                        .filter_map(|d| self.defs[d.index()].name.as_deref())
                        .collect();
                    Errors::one(
                        Diagnostic::error(format!("--of {name}: the program defines no `{name}`"))
                            .with_note(if names.is_empty() {
                                "the program has no named definitions".to_string()
                            } else {
                                format!("its definitions: {}", names.join(", "))
                            }),
                    )
                }),
            None => user
                .iter()
                .rev()
                .copied()
                .find(|d| self.defs[d.index()].name.is_some())
                .or_else(|| user.last().copied())
                .ok_or_else(|| {
                    Errors::one(Diagnostic::error(
                        "the program is empty: nothing to differentiate",
                    ))
                }),
        }
    }

    /// Adds the derivative of definition `of` (default: the last) with
    /// respect to `wrt` (`x` or `w[k]`), named `d<of>_d<wrt>`.
    pub fn diff(&mut self, of: Option<&str>, wrt: &str) -> Result<DefId, Errors> {
        let d = self.find_def(of)?;
        let target = self.parse_target(d, wrt)?;
        super::on_big_stack(|| {
            add_derivative(self, d, &target, Span::new(0, 0)).map_err(Errors::one)
        })
    }

    fn parse_target(&mut self, of: DefId, wrt: &str) -> Result<Target, Errors> {
        let fail = |msg: String, note: &str| {
            Errors::one(
                Diagnostic::error(format!("--wrt {wrt}: {msg}")).with_note(note.to_string()),
            )
        };
        let text = wrt.trim();
        let (name, idx) = match text.split_once('[') {
            None => (text, None),
            Some((n, rest)) => match rest.strip_suffix(']') {
                Some(inner) => (n.trim(), Some(inner)),
                None => {
                    return Err(fail(
                        "a missing `]`".into(),
                        "write the target as `x` or `w[k]`",
                    ));
                }
            },
        };
        let ident = |s: &str| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        if !ident(name) {
            return Err(fail(
                format!("`{name}` is not a name"),
                "write the target as `x` or `w[k]`",
            ));
        }
        match idx {
            None => {
                if let Some(p) = self.params.iter().position(|p| p.name == name) {
                    return Ok(Target::Param(crate::sema::ParamId(p as u32)));
                }
                if let Some(t) = self.inputs.iter().find(|t| t.name == name) {
                    return Err(fail(
                        format!("`{name}` is a tensor of rank {}", t.rank),
                        &format!("name one element, e.g. `{name}[{}]`", letters(t.rank)),
                    ));
                }
                Err(fail(
                    format!("the program has no scalar parameter `{name}`"),
                    &self.targets_note(),
                ))
            }
            Some(inner) => {
                let Some(t) = self.inputs.iter().position(|t| t.name == name) else {
                    return Err(fail(
                        format!("the program has no input tensor `{name}`"),
                        &self.targets_note(),
                    ));
                };
                let rank = self.inputs[t].rank;
                let ks: Vec<&str> = inner.split(',').map(str::trim).collect();
                if ks.len() != rank || ks.iter().any(|k| !ident(k)) {
                    return Err(fail(
                        format!(
                            "`{name}` has rank {rank}: give {rank} index name{}",
                            if rank == 1 { "" } else { "s" }
                        ),
                        &format!("e.g. `{name}[{}]`", letters(rank)),
                    ));
                }
                let axes = self.defs[of.index()].axes.clone();
                let mut seen: Vec<&str> = Vec::new();
                let mut out = Vec::new();
                for k in ks {
                    let clash = axes.iter().any(|&a| self.pool.index(a).name == k);
                    if clash || seen.contains(&k) {
                        return Err(fail(
                            format!("the index `{k}` is already used"),
                            "the target's indices must differ from each other and from the definition's axes",
                        ));
                    }
                    seen.push(k);
                    out.push(self.pool.fresh_index(k, None));
                }
                let total = axes.len() + out.len();
                if total > crate::sema::MAX_INDICES {
                    return Err(fail(
                        format!(
                            "the derivative would have {total} axes (the definition's {} and the target's {})",
                            axes.len(),
                            out.len()
                        ),
                        &format!(
                            "a statement has at most {} axes; differentiate a definition with fewer axes",
                            crate::sema::MAX_INDICES
                        ),
                    ));
                }
                Ok(Target::Elem(crate::sema::InputId(t as u32), out))
            }
        }
    }

    fn targets_note(&self) -> String {
        let mut names: Vec<String> = self.params.iter().map(|p| p.name.clone()).collect();
        names.extend(
            self.inputs
                .iter()
                .map(|t| format!("{}[{}]", t.name, letters(t.rank))),
        );
        if names.is_empty() {
            "the program reads no inputs or parameters: its derivatives are all 0".into()
        } else {
            format!("it reads: {}", names.join(", "))
        }
    }

    /// One statement's text. An axis that the simplified body no longer
    /// subscripts gets a zero term that keeps its extent (`y[i] = 0 x[i]`
    /// prints as `y[i] = 0 x[i]`, not `y[i] = 0`), so the text runs alone.
    pub fn def_text(&self, d: DefId) -> String {
        self.def_text_with(d, &[])
    }

    /// [`SymProgram::def_text`] with `extra` zero terms added.
    fn def_text_with(&self, d: DefId, extra: &[String]) -> String {
        let def = &self.defs[d.index()];
        let text = match &def.name {
            Some(n) => print::def_text(&self.pool, n, &def.axes, def.body),
            None => print::expr_text(&self.pool, def.body),
        };
        let mut anchors = self.anchors(d);
        anchors.extend(extra.iter().cloned());
        if anchors.is_empty() {
            return text;
        }
        // `0 + ...` would read as a constant: drop a lone 0.
        let text = text
            .strip_suffix(" = 0")
            .map_or(text.clone(), |t| format!("{t} ="));
        let sep = if text.ends_with('=') { " " } else { " + " };
        format!("{text}{sep}{}", anchors.join(" + "))
    }

    /// Zero terms that give each axis the simplified body lost its extent.
    fn anchors(&self, d: DefId) -> Vec<String> {
        let def = &self.defs[d.index()];
        let taken = |n: &str| {
            def.axes.iter().any(|&a| self.pool.index(a).name == n)
                || self.pool.names.defs.iter().any(|x| x == n)
                || self.inputs.iter().any(|i| i.name == n)
                || self.params.iter().any(|p| p.name == n)
        };
        let lost: Vec<(TensorRef, usize, String)> = def
            .axes
            .iter()
            // A delta partner does not count: its range may differ
            // (`Y[i] = sum_{j=1}^{0} (A[i] - delta[i,j])` still has A's
            // length along i, not j's empty range).
            .filter(|&&a| !super::simplify::subscripts(&self.pool, def.body, a))
            .filter_map(|&a| {
                let &(t, axis) = self.extent_of.get(&a)?;
                Some((t, axis, self.pool.index(a).name.clone()))
            })
            .collect();
        print::zero_terms(&self.pool, &lost, taken)
    }

    /// One statement in LaTeX.
    pub fn def_latex(&self, d: DefId) -> String {
        let def = &self.defs[d.index()];
        match &def.name {
            Some(n) => latex::def_latex(&self.pool, n, &def.axes, def.body),
            None => latex::expr_latex(&self.pool, def.body),
        }
    }

    /// The statements `roots` need (and the roots), one per line, in order.
    pub fn program_text(&self, roots: &[DefId]) -> String {
        let defs: String = self
            .needed(roots)
            .into_iter()
            .map(|d| self.def_text(d) + "\n")
            .collect();
        self.literals_text() + &defs
    }

    /// The program's tensor literals, one statement a line
    /// (`A = [[1, 2], [3, 4]]`), first: they define constant inputs.
    pub fn literals_text(&self) -> String {
        self.inputs
            .iter()
            .filter_map(|i| {
                let l = i.literal.as_ref()?;
                Some(format!(
                    "{} = {}\n",
                    i.name,
                    print::literal(&l.shape, &l.values)
                ))
            })
            .collect()
    }

    /// Like [`SymProgram::program_text`], in LaTeX.
    pub fn program_latex(&self, roots: &[DefId]) -> String {
        self.needed(roots)
            .into_iter()
            .map(|d| self.def_latex(d) + "\n")
            .collect()
    }

    /// Every statement, in order. The text takes every input and parameter
    /// the program took: one that simplifying removed everywhere (`b` in
    /// `(b/b) sin(2)`) gets a zero term (`sin(2) + 0 b`, `+ (sum_{z} 0
    /// x[z])`) in the statement that first read it, so the text runs with
    /// the same `--set`/`--in` as the original.
    pub fn text(&self) -> String {
        let literals = self.literals_text();
        let plain: Vec<String> = self.order.iter().map(|&d| self.def_text(d)).collect();
        let joined: String = plain.iter().map(|t| t.clone() + "\n").collect();
        let Ok(read) = crate::sema::check_source(&(literals.clone() + &joined)) else {
            return literals + &joined;
        };
        let mut extra: Vec<Vec<(bool, String)>> = vec![Vec::new(); self.order.len()];
        // The statement whose text holds a span of the original program.
        let home = |span: Span| {
            self.order
                .iter()
                .position(|&d| {
                    let s = self.defs[d.index()].span;
                    s.start <= span.start && span.end <= s.end
                })
                .unwrap_or(self.order.len().saturating_sub(1))
        };
        for p in &self.params {
            if read.param_by_name(&p.name).is_none() {
                extra[home(p.span)].push((false, p.name.clone()));
            }
        }
        for t in &self.inputs {
            if read.input_by_name(&t.name).is_none() {
                extra[home(t.span)].push((true, t.name.clone()));
            }
        }
        if extra.iter().all(Vec::is_empty) {
            return literals + &joined;
        }
        let mut out = literals;
        for (k, &d) in self.order.iter().enumerate() {
            let mut names = std::mem::take(&mut extra[k]);
            if names.is_empty() {
                out += &plain[k];
                out.push('\n');
                continue;
            }
            // Parameters, then tensors, each by name: reading the text back
            // gives the same text.
            names.sort();
            let def = &self.defs[d.index()];
            let taken = |n: &str| {
                def.axes.iter().any(|&a| self.pool.index(a).name == n)
                    || self.pool.names.defs.iter().any(|x| x == n)
                    || self.inputs.iter().any(|i| i.name == n)
                    || self.params.iter().any(|p| p.name == n)
            };
            let terms: Vec<String> = names
                .into_iter()
                .map(|(tensor, name)| {
                    if !tensor {
                        return format!("0 {name}");
                    }
                    let id = self.inputs.iter().position(|i| i.name == name).unwrap_or(0);
                    let rank = self.inputs[id].rank;
                    let t = TensorRef::Input(crate::sema::InputId(id as u32));
                    print::zero_mention(&self.pool, t, rank, taken)
                })
                .collect();
            out += &self.def_text_with(d, &terms);
            out.push('\n');
        }
        out
    }

    /// Every statement, in order, in LaTeX.
    pub fn latex(&self) -> String {
        self.order
            .iter()
            .map(|&d| self.def_latex(d) + "\n")
            .collect()
    }

    /// The number of distinct nodes of a definition's body.
    pub fn size(&self, d: DefId) -> usize {
        self.pool.dag_size(self.defs[d.index()].body)
    }

    /// The number of operands of the distinct nodes of a definition's body
    /// (a product of n factors counts n).
    pub fn edges(&self, d: DefId) -> usize {
        self.pool.dag_edges(self.defs[d.index()].body)
    }

    /// Whether the body of `d` reads tensor `t`.
    pub fn def_reads(&self, d: DefId, t: TensorRef) -> bool {
        self.pool
            .reads(self.defs[d.index()].body, t, &mut Default::default())
    }
}

/// `i,j,k` for a rank.
fn letters(rank: usize) -> String {
    ["k", "l", "m", "n", "p", "q"]
        .iter()
        .cycle()
        .take(rank)
        .copied()
        .collect::<Vec<_>>()
        .join(",")
}
