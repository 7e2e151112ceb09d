//! Choosing index names for the random programs of the property tests
//! (`tests/props.rs`, `tests/sym_props.rs`, `tests/jit.rs`): the one piece
//! of their generators they share.
//!
//! In: the generator's choices (kinds, slots). Out: index names that are in
//! scope, or the implicit `p`/`q` (summed implicitly).
//!
//! Always: a name of a kind subscripts only axes of that kind's extent.

#![allow(dead_code)]

use std::collections::BTreeSet;

pub const ROW_IMPLICIT: &str = "p";
pub const COL_IMPLICIT: &str = "q";

/// Which extent an index has: `A`'s rows (`m`) or columns (`n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Row,
    Col,
}

/// What is known while choosing names.
pub struct Scope {
    pub m: usize,
    pub n: usize,
    /// Indices in scope, innermost last, with their kinds.
    pub names: Vec<(String, Kind)>,
    /// Whether free subscripts `p`/`q` may be used (summed implicitly).
    pub implicit: bool,
    pub used_implicit: BTreeSet<&'static str>,
    /// How many earlier definitions exist (s0, y1, M2 in that order).
    pub prev: usize,
    /// Smooth programs only (no kinks); unused by some generators.
    pub smooth: bool,
}

impl Scope {
    pub fn ext(&self, kind: Kind) -> usize {
        match kind {
            Kind::Row => self.m,
            Kind::Col => self.n,
        }
    }

    /// A subscript of the given kind: an index in scope or the implicit one.
    pub fn subscript(&mut self, kind: Kind, slot: u8) -> Option<String> {
        let mut cands: Vec<String> = self
            .names
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(n, _)| n.clone())
            .collect();
        let implicit = match kind {
            Kind::Row => ROW_IMPLICIT,
            Kind::Col => COL_IMPLICIT,
        };
        if self.implicit {
            cands.push(implicit.to_string());
        }
        if cands.is_empty() {
            return None;
        }
        let pick = cands[slot as usize % cands.len()].clone();
        if pick == implicit && !self.names.iter().any(|(n, _)| n == implicit) {
            self.used_implicit.insert(implicit);
        }
        Some(pick)
    }

    /// Any index in scope.
    pub fn any_index(&self, slot: u8) -> Option<String> {
        if self.names.is_empty() {
            return None;
        }
        Some(self.names[slot as usize % self.names.len()].0.clone())
    }
}
