//! The order of pairwise contractions with the fewest FLOPs, as
//! opt_einsum counts them.
//!
//! In: a [`Problem`]: each operand's indices and the output's as bit
//! masks (bit b is index b), and each index's extent. Out: a [`Path`]: a
//! binary tree of pairwise contractions, the operands its leaves, with its
//! total cost.
//!
//! Cost ([`flop_count`]): opt_einsum's `helpers.flop_count` for a pairwise
//! contraction: the product of the extents of every index either operand
//! has, times 2 if the contraction sums an index away (an inner product),
//! else 1. An intermediate keeps exactly the indices that the output or an
//! operand outside it still needs, as opt_einsum's `find_contraction`
//! does, so a subset of operands determines its intermediate and the
//! search can run over subsets.
//!
//! Always: up to [`EXHAUSTIVE`] operands the search is exhaustive (dynamic
//! programming over subsets, outer products included: opt_einsum's
//! 'optimal'), so the cost is the minimum over all binary trees; beyond,
//! greedy (opt_einsum's default heuristic: the pair whose result shrinks
//! the most, ties by cost). Costs saturate at `u128::MAX` rather than
//! overflow. Deterministic: equal problems give equal paths.

/// Up to this many operands, the search is exhaustive.
pub const EXHAUSTIVE: usize = 8;

/// A contraction of operands into an output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Each operand's indices (bit b: index b).
    pub inputs: Vec<u64>,
    /// The indices of the result.
    pub output: u64,
    /// The extent of index b at position b.
    pub sizes: Vec<u64>,
}

/// One operand of a step: an input (by position) or an earlier step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    Input(usize),
    Step(usize),
}

/// One pairwise contraction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    pub left: Node,
    pub right: Node,
    /// The indices the result keeps.
    pub keep: u64,
    /// The indices summed away here.
    pub removed: u64,
    /// This step's [`flop_count`].
    pub cost: u128,
}

/// Pairwise contractions in order: the last one gives the result.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Path {
    pub steps: Vec<Step>,
    /// The sum of the steps' costs.
    pub cost: u128,
}

/// The product of the extents of the indices in `mask`.
pub fn size(mask: u64, sizes: &[u64]) -> u128 {
    let mut m = mask;
    let mut p: u128 = 1;
    while m != 0 {
        let b = m.trailing_zeros() as usize;
        m &= m - 1;
        p = p.saturating_mul(u128::from(sizes.get(b).copied().unwrap_or(1)));
    }
    p
}

/// opt_einsum's `flop_count(idx_contraction, inner, num_terms, sizes)`:
/// the size of all indices involved times `max(1, num_terms - 1)`, plus
/// one more of it for an inner product.
pub fn flop_count(involved: u64, inner: bool, num_terms: usize, sizes: &[u64]) -> u128 {
    let factor = num_terms.saturating_sub(1).max(1) as u128 + u128::from(inner);
    size(involved, sizes).saturating_mul(factor)
}

/// The cost of computing the whole product as one loop nest (opt_einsum's
/// `naive_cost`).
pub fn naive_cost(p: &Problem) -> u128 {
    let all = p.inputs.iter().fold(0, |a, &m| a | m);
    let total: u32 = p.inputs.iter().map(|m| m.count_ones()).sum();
    let inner = total > all.count_ones();
    flop_count(all, inner, p.inputs.len(), &p.sizes)
}

/// The cheapest path for `p` (at least two operands).
pub fn optimal(p: &Problem) -> Path {
    if p.inputs.len() <= EXHAUSTIVE {
        exhaustive(p)
    } else {
        greedy(p)
    }
}

/// Dynamic programming over subsets: `best[S]` is the cheapest tree over
/// the operands in S; its result keeps `keep[S]`.
fn exhaustive(p: &Problem) -> Path {
    let n = p.inputs.len();
    let full: usize = (1 << n) - 1;
    let mut idx = vec![0u64; 1 << n];
    for s in 1..=full {
        let low = s & s.wrapping_neg();
        idx[s] = idx[s ^ low] | p.inputs[low.trailing_zeros() as usize];
    }
    // What the result of a subset holds: an operand all its indices (one
    // that only it has is summed in its first contraction, and counted
    // there), an intermediate what the output or the other operands need.
    let keep: Vec<u64> = (0..=full)
        .map(|s| {
            if s.count_ones() == 1 {
                idx[s]
            } else {
                idx[s] & (p.output | idx[full ^ s])
            }
        })
        .collect();
    // best[s] = (cost, split), split = the subset holding s's lowest operand.
    let mut best: Vec<(u128, usize)> = vec![(u128::MAX, 0); 1 << n];
    for k in 0..n {
        best[1 << k] = (0, 0);
    }
    for s in 1..=full {
        if s.count_ones() < 2 {
            continue;
        }
        let low = s & s.wrapping_neg();
        let rest = s ^ low;
        // Every split {a, s ^ a} once: a holds s's lowest operand.
        let mut sub = rest;
        loop {
            let a = sub | low;
            if a != s {
                let b = s ^ a;
                let (ca, cb) = (best[a].0, best[b].0);
                // Costs are never negative: a split whose parts alone
                // cost the best found so far cannot win.
                if ca != u128::MAX && cb != u128::MAX && ca.saturating_add(cb) < best[s].0 {
                    let involved = keep[a] | keep[b];
                    let inner = involved & !keep[s] != 0;
                    let c = ca
                        .saturating_add(cb)
                        .saturating_add(flop_count(involved, inner, 2, &p.sizes));
                    if c < best[s].0 {
                        best[s] = (c, a);
                    }
                }
            }
            if sub == 0 {
                break;
            }
            sub = (sub - 1) & rest;
        }
    }
    let mut steps = Vec::with_capacity(n - 1);
    emit(full, &best, &keep, p, &mut steps);
    let cost = steps.iter().fold(0u128, |a, s| a.saturating_add(s.cost));
    Path { steps, cost }
}

/// Appends the steps of subset `s`'s best tree, children first.
fn emit(
    s: usize,
    best: &[(u128, usize)],
    keep: &[u64],
    p: &Problem,
    steps: &mut Vec<Step>,
) -> Node {
    if s.count_ones() == 1 {
        return Node::Input(s.trailing_zeros() as usize);
    }
    let a = best[s].1;
    let b = s ^ a;
    let left = emit(a, best, keep, p, steps);
    let right = emit(b, best, keep, p, steps);
    let involved = keep[a] | keep[b];
    let removed = involved & !keep[s];
    steps.push(Step {
        left,
        right,
        keep: keep[s],
        removed,
        cost: flop_count(involved, removed != 0, 2, &p.sizes),
    });
    Node::Step(steps.len() - 1)
}

/// opt_einsum's greedy choice, repeated: contract the pair whose result
/// is smallest relative to its operands (size(result) - size(a) -
/// size(b)), ties broken by the lower cost, then by position.
fn greedy(p: &Problem) -> Path {
    // Live operands: (node, indices).
    let mut live: Vec<(Node, u64)> = p
        .inputs
        .iter()
        .enumerate()
        .map(|(k, &m)| (Node::Input(k), m))
        .collect();
    let mut steps = Vec::with_capacity(p.inputs.len() - 1);
    while live.len() > 1 {
        // ((gain, cost), x, y, keep, removed) of the best pair so far.
        type Choice = ((i128, u128), usize, usize, u64, u64);
        let mut choice: Option<Choice> = None;
        for x in 0..live.len() {
            for y in x + 1..live.len() {
                let others = live
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != x && k != y)
                    .fold(p.output, |a, (_, &(_, m))| a | m);
                let involved = live[x].1 | live[y].1;
                let keep = involved & others;
                let removed = involved & !keep;
                let cost = flop_count(involved, removed != 0, 2, &p.sizes);
                let gain = size(keep, &p.sizes) as i128
                    - size(live[x].1, &p.sizes) as i128
                    - size(live[y].1, &p.sizes) as i128;
                let key = (gain, cost);
                if choice.as_ref().is_none_or(|c| key < c.0) {
                    choice = Some((key, x, y, keep, removed));
                }
            }
        }
        let Some(((_, cost), x, y, keep, removed)) = choice else {
            break;
        };
        steps.push(Step {
            left: live[x].0,
            right: live[y].0,
            keep,
            removed,
            cost,
        });
        live.remove(y);
        live.remove(x);
        live.push((Node::Step(steps.len() - 1), keep));
    }
    let cost = steps.iter().fold(0u128, |a, s| a.saturating_add(s.cost));
    Path { steps, cost }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Subscripts like `ij,jk,kl->il` with every index of extent `n`.
    fn problem(spec: &str, sizes: &[(char, u64)]) -> Problem {
        let (ins, out) = spec.split_once("->").unwrap();
        let mut letters: Vec<char> = Vec::new();
        let mut mask = |s: &str| {
            s.chars().fold(0u64, |m, c| {
                let b = letters.iter().position(|&l| l == c).unwrap_or_else(|| {
                    letters.push(c);
                    letters.len() - 1
                });
                m | 1 << b
            })
        };
        let inputs: Vec<u64> = ins.split(',').map(&mut mask).collect();
        let output = mask(out);
        let sizes = letters
            .iter()
            .map(|c| sizes.iter().find(|s| s.0 == *c).map_or(1, |s| s.1))
            .collect();
        Problem {
            inputs,
            output,
            sizes,
        }
    }

    #[test]
    fn a_matrix_chain_contracts_pairwise() {
        let p = problem(
            "ij,jk,kl->il",
            &[('i', 10), ('j', 100), ('k', 5), ('l', 50)],
        );
        let path = optimal(&p);
        // (A B) first: 10*100*5*2 = 10,000, then 10*5*50*2 = 5,000;
        // (B C) first would cost 100*5*50*2 + 10*100*50*2 = 150,000.
        assert_eq!(path.cost, 15_000);
        assert_eq!(path.steps[0].left, Node::Input(0));
        assert_eq!(path.steps[0].right, Node::Input(1));
        assert_eq!(naive_cost(&p), 10 * 100 * 5 * 50 * 3);
    }

    #[test]
    fn the_five_operand_transform_costs_what_opt_einsum_says() {
        // opt_einsum 3.4: contract_path('pi,qj,ijkl,rk,sl->pqrs', n=12)
        // reports an optimised FLOP count of 1,990,656 (4 steps of 2 n^5).
        let n = 12;
        let sizes: Vec<(char, u64)> = "pqrsijkl".chars().map(|c| (c, n)).collect();
        let p = problem("pi,qj,ijkl,rk,sl->pqrs", &sizes);
        assert_eq!(optimal(&p).cost, 4 * 2 * 12u128.pow(5));
        assert_eq!(greedy(&p).cost, 4 * 2 * 12u128.pow(5));
    }

    #[test]
    fn greedy_finds_a_complete_path() {
        let sizes: Vec<(char, u64)> = "abcdefghij".chars().map(|c| (c, 3)).collect();
        let p = problem("ab,bc,cd,de,ef,fg,gh,hi,ij->aj", &sizes);
        let path = optimal(&p);
        assert_eq!(path.steps.len(), 8);
        assert_eq!(path.steps.last().unwrap().keep, p.output);
        // Each step a matrix product of 3x3 matrices: 27 * 2.
        assert_eq!(path.cost, 8 * 54);
    }

    #[test]
    fn outer_products_are_searched() {
        // a,b,ab->: b with ab first (3*2*2 = 12 flops, keeping a), then
        // a with that (2*2 = 4): 16, less than the outer product a b (6)
        // then ab (12), or a with ab (12) then b (6).
        let p = problem("a,b,ab->", &[('a', 2), ('b', 3)]);
        assert_eq!(optimal(&p).cost, 12 + 4);
    }
}
