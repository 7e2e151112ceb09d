//! Pass: the index each block's trips are split over when a call runs on
//! several threads.
//!
//! In: a loop IR after every other pass. Out: the same IR with
//! [`Block::par`] set to the outermost space loop (an axis of the
//! definition) that encloses every store and update of the block, where
//! there is one; for a matrix-vector GEMM node, its first m index.
//!
//! Always: splitting that index's range into pieces and running the block
//! once per piece (in any order, at once) computes exactly what one run
//! over the whole range does, bit for bit: each piece writes only the
//! elements whose subscript along that axis lies in its piece, reads
//! nothing another piece writes (a block reads inputs and earlier
//! definitions, and an element of its own only in that element's
//! update), and every element's value is computed by the same
//! operations in the same order (reductions run inside the element, never
//! across pieces).

use super::ir::{Block, Func, IndexId, LoopKind, Stmt};

/// Sets `par` on every block that has such a loop.
pub fn parallel(f: &mut Func) {
    for b in &mut f.blocks {
        b.par = choose(b);
    }
}

fn choose(b: &Block) -> Option<IndexId> {
    // A matrix-vector product (a GEMM node without n): the library runs it
    // on one thread, so its rows are split here (each row of C is the
    // same dot product whichever piece computes it). Other GEMM nodes
    // thread inside the library.
    if let [Stmt::Gemm(g)] = b.body.as_slice() {
        return match (g.n.is_empty(), g.m.first()) {
            (true, Some(&m)) => Some(m),
            _ => None,
        };
    }
    // Walk down: the first space loop whose body holds every write of the
    // block. A statement list may go on only through its one loop that
    // holds all writes.
    let mut list: &[Stmt] = &b.body;
    loop {
        let writing: Vec<&Stmt> = list.iter().filter(|s| writes(s)).collect();
        match writing.as_slice() {
            [
                Stmt::Loop {
                    index,
                    kind: LoopKind::Space,
                    ..
                },
            ] if b.axes.contains(index) => return Some(*index),
            [Stmt::Loop { body, .. }] => list = body,
            _ => return None,
        }
    }
}

/// Whether a statement stores or updates memory (itself or inside).
fn writes(s: &Stmt) -> bool {
    let mut w = false;
    s.walk(&mut |x| {
        w |= matches!(
            x,
            Stmt::Store { .. } | Stmt::Update { .. } | Stmt::Gemm { .. }
        )
    });
    w
}
