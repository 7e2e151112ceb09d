//! Raising: a [`SymProgram`] back to a checked [`sema::Program`] for the
//! interpreter and the JIT, keeping the pool's sharing.
//!
//! In: a lowered program (every definition's body a node of one
//! hash-consed DAG). Out: a checked program without `diff`: the
//! definitions in statement order, each preceded by the hidden definitions
//! it shares, and for every definition of the lowered program its position
//! in the raised one.
//!
//! How: a node that the DAG reaches twice or more and that is worth
//! computing once becomes a hidden definition `_s<n>`, computed once and
//! read wherever the node was:
//! - a closed node (no free index) becomes a scalar, read by every later
//!   definition that has the node too;
//! - a node with free indices becomes a tensor over them, if it is not
//!   cheap (it holds a `sum`/`prod`, a call or a power, or it is large) and
//!   each of them has a tensor axis that gives its extent: axes of the
//!   definition being raised, and indices of enclosing `sum`/`prod`s with
//!   inferred extents when all its indices subscript one tensor together
//!   (so the hidden definition is no larger than that tensor).
//!
//! A node that depends on an index with written bounds
//! (`sum_{i=1}^{30}`) stays inline: an axis has no bounds. So the raised
//! program grows like the DAG where the tree can be exponentially larger
//! (the 6th derivative of `x^x^...^x`), except under written bounds.
//!
//! Always: a hidden definition holds exactly the expression it replaces,
//! computed in the same element type, so values are unchanged (except
//! that a reduction whose inner reduction became hidden is now innermost
//! and sums in lanes: the same terms in another order);
//! hidden names start with `_`, which no written name can, and never reach
//! output (callers keep only the lowered program's definitions); every
//! hidden axis names a visible tensor axis as its extent source; every
//! index variable has one binding site. [`SymProgram::try_raise`] refuses a
//! raised program of more than [`MAX_RAISED_NODES`] nodes.

use super::pool::{ExprId, Ix, Level, Node};
use super::program::SymProgram;
use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::sema::{self, DefId, Expr, ExprKind, IndexId, IndexRole, IndexVar, TensorRef};
use num_rational::BigRational;
use num_traits::One;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The most expression nodes a raised program may have (after sharing)
/// before [`SymProgram::try_raise`] refuses it: evaluating more would take
/// minutes and gigabytes.
pub const MAX_RAISED_NODES: usize = 2_000_000;

/// A node with free indices is shared only if it is at least this large
/// (as a tree) or holds something expensive (a call, a power other than a
/// square, a `sum`/`prod`).
const MIN_SHARED_TREE: u64 = 8;

/// The raised program, the new id of every lowered definition.
pub type Raised = (sema::Program, Vec<Option<DefId>>);

impl SymProgram {
    /// Back to a checked program (statement order; derived and hidden
    /// definitions included), for the interpreter and the JIT, with the new
    /// id of every definition of the lowered program.
    pub fn raise(&self) -> Raised {
        let r = Raiser::run(self, usize::MAX);
        (r.out, r.new_id)
    }

    /// [`SymProgram::raise`], or an error at the definition where the
    /// raised program passes [`MAX_RAISED_NODES`] nodes.
    pub fn try_raise(&self) -> Result<Raised, Errors> {
        let r = Raiser::run(self, MAX_RAISED_NODES);
        match r.over {
            Some(d) => Err(Errors::one(d)),
            None => Ok((r.out, r.new_id)),
        }
    }

    /// How many expression nodes the raised program has (the size the
    /// interpreter walks and the JIT compiles).
    pub fn raised_size(&self) -> usize {
        Raiser::run(self, usize::MAX).nodes
    }
}

struct Raiser<'a> {
    sp: &'a SymProgram,
    out: sema::Program,
    new_id: Vec<Option<DefId>>,
    /// Pool index → index variable of the raised program, in scope.
    map: HashMap<Ix, IndexId>,
    span: Span,
    /// The nodes that become hidden definitions, and their groups
    /// ([`Raiser::plan`]).
    share: HashMap<ExprId, Group>,
    /// For a shape group: the member whose body its hidden definition
    /// holds.
    rep: HashMap<u32, ExprId>,
    /// Hidden definitions of shape groups, program-wide.
    shapes: HashMap<u32, DefId>,
    /// Hidden scalar definitions, program-wide.
    closed: HashMap<ExprId, DefId>,
    /// Hidden definitions with free indices, of the current definition.
    local: HashMap<ExprId, DefId>,
    /// Raising the bounds of a binder: no sharing there (bounds stay
    /// readable in messages and constant for `bind`).
    in_bounds: bool,
    hidden: usize,
    nodes: usize,
    limit: usize,
    over: Option<Diagnostic>,
}

impl<'a> Raiser<'a> {
    fn run(sp: &'a SymProgram, limit: usize) -> Raiser<'a> {
        let mut r = Raiser {
            sp,
            out: sema::Program {
                inputs: sp.inputs.clone(),
                params: sp.params.clone(),
                indices: Vec::new(),
                defs: Vec::new(),
            },
            new_id: vec![None; sp.defs.len()],
            map: HashMap::default(),
            span: Span::default(),
            share: HashMap::default(),
            rep: HashMap::default(),
            shapes: HashMap::default(),
            closed: HashMap::default(),
            local: HashMap::default(),
            in_bounds: false,
            hidden: 0,
            nodes: 0,
            limit,
            over: None,
        };
        (r.share, r.rep) = r.plan();
        if let Some((d, n)) = r.first_over_limit() {
            // Refused before a node is built: no memory is spent on it.
            r.span = sp.defs[d.index()].span;
            r.nodes = n;
            r.refuse();
            return r;
        }
        for &d in &sp.order {
            let def = &sp.defs[d.index()];
            r.span = def.span;
            r.map.clear();
            r.local.clear();
            let axes: Vec<IndexId> = def
                .axes
                .iter()
                .map(|&a| {
                    let id = r.new_index(a, IndexRole::Axis, None);
                    r.out.indices[id.index()].extent_of =
                        sp.extent_of.get(&a).map(|&(t, axis)| (r.tensor(t), axis));
                    r.map.insert(a, id);
                    id
                })
                .collect();
            // The root is the definition itself: never a hidden one.
            let body = r.node(def.body);
            r.new_id[d.index()] = Some(DefId(r.out.defs.len() as u32));
            r.out.defs.push(sema::Def {
                name: def.name.clone(),
                span: def.span,
                axes,
                body,
            });
        }
        r
    }

    /// The children of `e` as the raised tree has them: in a product, a
    /// factor `b^-1` is the divisor `b`.
    fn raised_children(&self, e: ExprId) -> Vec<ExprId> {
        let pool = &self.sp.pool;
        match pool.node(e) {
            Node::Mul(fs) => fs
                .iter()
                .map(|&f| match pool.node(f) {
                    Node::Pow(b, p) if self.is_minus_one(*p) => *b,
                    _ => f,
                })
                .collect(),
            _ => pool.children(e),
        }
    }

    fn is_minus_one(&self, p: ExprId) -> bool {
        self.sp
            .pool
            .as_const(p)
            .is_some_and(|r| *r == -BigRational::one())
    }

    /// The nodes worth a hidden definition: those the raised tree would
    /// hold twice or more (counting the copies that inlined parents make),
    /// when they can be one ([`Raiser::shareable`]). Nodes equal up to the
    /// name of their one free index count together (a shape group), so
    /// `exp(w[i])` in one definition and `exp(w[j])` under a sum in
    /// another are one hidden `_s0[i] = exp(w[i])`.
    fn plan(&self) -> (HashMap<ExprId, Group>, HashMap<u32, ExprId>) {
        let pool = &self.sp.pool;
        let roots: Vec<ExprId> = self
            .sp
            .order
            .iter()
            .map(|d| self.sp.defs[d.index()].body)
            .collect();
        // Children before parents.
        let mut post = Vec::new();
        let mut seen = HashSet::default();
        for &r in &roots {
            let mut stack = vec![(r, false)];
            while let Some((e, done)) = stack.pop() {
                if done {
                    post.push(e);
                    continue;
                }
                if !seen.insert(e) {
                    continue;
                }
                stack.push((e, true));
                for c in self.raised_children(e) {
                    if !seen.contains(&c) {
                        stack.push((c, false));
                    }
                }
            }
        }
        // Which definition owns each axis.
        let mut owner: HashMap<Ix, usize> = HashMap::default();
        for (n, def) in self.sp.defs.iter().enumerate() {
            for &a in &def.axes {
                owner.insert(a, n);
            }
        }
        let mut costly: HashMap<ExprId, bool> = HashMap::default();
        let mut size: HashMap<ExprId, u64> = HashMap::default();
        let mut height: HashMap<ExprId, usize> = HashMap::default();
        for &e in &post {
            let kids = self.raised_children(e);
            let own = match pool.node(e) {
                Node::Call(..) | Node::Reduce(..) => true,
                Node::Pow(_, p) => !is_small_power(pool.as_const(*p)),
                _ => false,
            };
            let c = own || kids.iter().any(|k| costly.get(k).copied().unwrap_or(false));
            costly.insert(e, c);
            let n = kids.iter().fold(1u64, |acc, k| {
                acc.saturating_add(size.get(k).copied().unwrap_or(1))
            });
            size.insert(e, n);
            let h = kids
                .iter()
                .map(|k| height.get(k).copied().unwrap_or(0) + 1)
                .max();
            height.insert(e, h.unwrap_or(0));
        }
        // Equal shapes have equal heights, and every parent is higher than
        // its children: level by level from the top, a node's count is
        // final when its level is reached.
        let top = height.values().copied().max().unwrap_or(0);
        let mut levels: Vec<Vec<ExprId>> = vec![Vec::new(); top + 1];
        for &e in &post {
            levels[height[&e]].push(e);
        }
        let roots: HashSet<ExprId> = roots.into_iter().collect();
        let mut paths: HashMap<ExprId, u64> = HashMap::default();
        for &r in &roots {
            *paths.entry(r).or_insert(0) += 1;
        }
        let mut shapes = Shapes::default();
        let mut share = HashMap::default();
        let mut rep = HashMap::default();
        let add = |paths: &mut HashMap<ExprId, u64>, e: ExprId, p: u64| {
            for c in self.raised_children(e) {
                let x = paths.entry(c).or_insert(0);
                *x = x.saturating_add(p);
            }
        };
        for level in levels.iter().rev() {
            // Groups in order of first member (deterministic).
            let mut groups: Vec<(Group, u64, Vec<ExprId>)> = Vec::new();
            let mut at: HashMap<Group, usize> = HashMap::default();
            for &e in level {
                let p = paths.get(&e).copied().unwrap_or(0);
                if p == 0 {
                    continue;
                }
                let Some(g) = self.group(e, &roots, &owner, &mut shapes) else {
                    add(&mut paths, e, p);
                    continue;
                };
                match at.get(&g) {
                    Some(&k) => {
                        groups[k].1 = groups[k].1.saturating_add(p);
                        groups[k].2.push(e);
                    }
                    None => {
                        at.insert(g, groups.len());
                        groups.push((g, p, vec![e]));
                    }
                }
            }
            for (g, total, members) in groups {
                let first = members[0];
                if total >= 2 && self.shareable(first, &owner, &costly, &size) {
                    for &m in &members {
                        share.insert(m, g);
                    }
                    if let Group::Shape(k) = g {
                        rep.insert(k, first);
                    }
                    add(&mut paths, first, 1);
                } else {
                    for &m in &members {
                        let p = paths.get(&m).copied().unwrap_or(0);
                        add(&mut paths, m, p);
                    }
                }
            }
        }
        (share, rep)
    }

    /// The group of a node that could be shared: a closed node or one with
    /// several free indices is its own; one with a single free index that
    /// subscripts a tensor in it (and has an inferred extent) is grouped by
    /// its shape. `None` for roots and leaves.
    fn group(
        &self,
        e: ExprId,
        roots: &HashSet<ExprId>,
        owner: &HashMap<Ix, usize>,
        shapes: &mut Shapes,
    ) -> Option<Group> {
        let pool = &self.sp.pool;
        if roots.contains(&e) || is_leaf(pool.node(e)) {
            return None;
        }
        match pool.free(e) {
            &[f] if (owner.contains_key(&f)
                || (pool.index(f).level != Level::Free && pool.index(f).bounds.is_none()))
                && pool.least_subscript(e, f).is_some() =>
            {
                Some(Group::Shape(shapes.of(pool, e, f)))
            }
            _ => Some(Group::Own(e)),
        }
    }

    /// Whether `e` can be a hidden definition: not a leaf; closed, or not
    /// cheap with free indices that are axes of one definition or indices
    /// of enclosing `sum`/`prod`s with inferred extents, each with a tensor
    /// axis in `e` (or, for an axis, its definition's) that gives its
    /// extent. If an enclosing binder's index is among them, all of them
    /// subscript one tensor together in `e`, so the hidden definition is
    /// no larger than that tensor.
    fn shareable(
        &self,
        e: ExprId,
        owner: &HashMap<Ix, usize>,
        costly: &HashMap<ExprId, bool>,
        size: &HashMap<ExprId, u64>,
    ) -> bool {
        let pool = &self.sp.pool;
        if is_leaf(pool.node(e)) {
            return false;
        }
        let free = pool.free(e);
        if free.is_empty() {
            return true;
        }
        if !costly.get(&e).copied().unwrap_or(false)
            && size.get(&e).copied().unwrap_or(0) < MIN_SHARED_TREE
        {
            return false;
        }
        let mut defs = free.iter().filter_map(|i| owner.get(i));
        let one_def = match defs.next() {
            Some(d) => defs.all(|x| x == d),
            None => true,
        };
        let bound = free.iter().filter(|i| !owner.contains_key(i)).count();
        let inferred = free.iter().all(|&i| {
            owner.contains_key(&i)
                || (pool.index(i).level != Level::Free && pool.index(i).bounds.is_none())
        });
        if !one_def || !inferred || free.iter().any(|&i| self.source(e, i).is_none()) {
            return false;
        }
        bound == 0
            || free.len() == 1
            || pool.dag_nodes(e).into_iter().any(|x| {
                matches!(pool.node(x), Node::Elem(_, ixs) if free.iter().all(|i| ixs.contains(i)))
            })
    }

    /// The tensor axis (of the lowered program) that gives free index `i`
    /// of `e` its extent: one it subscripts in `e`, or its definition's.
    fn source(&self, e: ExprId, i: Ix) -> Option<(TensorRef, usize)> {
        self.sp
            .pool
            .least_subscript(e, i)
            .or_else(|| self.sp.extent_of.get(&i).copied())
    }

    fn new_index(&mut self, i: Ix, role: IndexRole, bounds: Option<(Expr, Expr)>) -> IndexId {
        self.out.indices.push(IndexVar {
            name: self.sp.pool.index(i).name.clone(),
            span: self.span,
            role,
            bounds,
            extent_of: None,
        });
        IndexId(self.out.indices.len() as u32 - 1)
    }

    fn ix(&mut self, i: Ix) -> IndexId {
        match self.map.get(&i) {
            Some(&x) => x,
            // A free index that is not an axis cannot occur in a lowered
            // definition; give it a variable so `bind` reports it.
            None => {
                let x = self.new_index(i, IndexRole::Axis, None);
                self.map.insert(i, x);
                x
            }
        }
    }

    fn tensor(&self, t: TensorRef) -> TensorRef {
        match t {
            TensorRef::Def(d) => TensorRef::Def(self.new_id[d.index()].unwrap_or(d)),
            t => t,
        }
    }

    /// The first definition (in statement order) at which the raised
    /// program would pass the limit, and the size there: each definition's
    /// tree, each hidden definition's counted once, at its first user.
    fn first_over_limit(&self) -> Option<(DefId, usize)> {
        if self.limit == usize::MAX {
            return None;
        }
        // The size of a node's tree, a shared child counting 1 (a read).
        let mut size: HashMap<ExprId, u64> = HashMap::default();
        let mut total: u64 = 0;
        let mut seen = HashSet::default();
        let mut counted: HashSet<Group> = HashSet::default();
        for &d in &self.sp.order {
            let root = self.sp.defs[d.index()].body;
            let mut stack = vec![(root, false)];
            while let Some((e, done)) = stack.pop() {
                if done {
                    let n = self.raised_children(e).into_iter().fold(1u64, |acc, c| {
                        let k = if self.share.contains_key(&c) {
                            1
                        } else {
                            size.get(&c).copied().unwrap_or(1)
                        };
                        acc.saturating_add(k)
                    });
                    size.insert(e, n);
                    if let Some(g) = self.share.get(&e)
                        && counted.insert(*g)
                    {
                        total = total.saturating_add(n);
                    }
                    continue;
                }
                if !seen.insert(e) {
                    continue;
                }
                stack.push((e, true));
                for c in self.raised_children(e) {
                    if !seen.contains(&c) {
                        stack.push((c, false));
                    }
                }
            }
            if !self.share.contains_key(&root) {
                total = total.saturating_add(size.get(&root).copied().unwrap_or(1));
            }
            if total > self.limit as u64 {
                return Some((d, usize::try_from(total).unwrap_or(usize::MAX)));
            }
        }
        None
    }

    /// Records that the raised program is too large (at the current
    /// definition).
    fn refuse(&mut self) {
        if self.over.is_none() {
            self.over = Some(
                Diagnostic::at(
                    format!(
                        "the program is too large to evaluate: up to this statement, written \
                         out with its common parts computed once, it has {} operations, more \
                         than the limit of {}",
                        self.nodes, self.limit
                    ),
                    self.span,
                )
                .with_note(
                    "a derivative of high order can grow this large; take fewer derivatives, \
                     or name intermediate results as definitions of their own",
                ),
            );
        }
    }

    fn mk(&mut self, kind: ExprKind) -> Expr {
        self.nodes += 1;
        if self.nodes > self.limit {
            self.refuse();
        }
        Expr::new(kind, self.span)
    }

    fn product(&mut self, mut v: Vec<Expr>) -> Expr {
        match v.len() {
            0 => self.mk(ExprKind::Const(BigRational::one())),
            1 => v.swap_remove(0),
            _ => self.mk(ExprKind::Mul(v)),
        }
    }

    /// A node, read from a hidden definition if it is shared.
    fn expr(&mut self, e: ExprId) -> Expr {
        if self.over.is_some() {
            return Expr::new(ExprKind::Const(BigRational::one()), self.span);
        }
        match self.shared(e) {
            Some(x) => x,
            None => self.node(e),
        }
    }

    /// A read of the hidden definition of `e`, if `e` is shared (made at
    /// its first use).
    fn shared(&mut self, e: ExprId) -> Option<Expr> {
        if self.in_bounds {
            return None;
        }
        let group = *self.share.get(&e)?;
        let free: Vec<Ix> = self.sp.pool.free(e).to_vec();
        if !free.iter().all(|i| self.map.contains_key(i)) {
            return None;
        }
        let d = match group {
            Group::Own(_) if free.is_empty() => match self.closed.get(&e) {
                Some(&d) => d,
                None => {
                    let d = self.hidden_def(e, &[], vec![]);
                    self.closed.insert(e, d);
                    d
                }
            },
            Group::Own(_) => match self.local.get(&e) {
                Some(&d) => d,
                None => {
                    let mut sources = Vec::with_capacity(free.len());
                    for &i in &free {
                        let (t, axis) = self.source(e, i)?;
                        sources.push((self.tensor(t), axis));
                    }
                    let d = self.hidden_def(e, &free, sources);
                    self.local.insert(e, d);
                    d
                }
            },
            Group::Shape(k) => match self.shapes.get(&k) {
                Some(&d) => d,
                None => {
                    let rep = self.rep.get(&k).copied().unwrap_or(e);
                    let f = *self.sp.pool.free(rep).first()?;
                    let (t, axis) = self.sp.pool.least_subscript(rep, f)?;
                    let src = (self.tensor(t), axis);
                    let d = self.hidden_def(rep, &[f], vec![src]);
                    self.shapes.insert(k, d);
                    d
                }
            },
        };
        if free.is_empty() {
            return Some(self.mk(ExprKind::Scalar(d)));
        }
        let ixs: Vec<IndexId> = free.iter().map(|&i| self.ix(i)).collect();
        Some(self.mk(ExprKind::Elem(TensorRef::Def(d), ixs)))
    }

    /// Adds `_s<n>[free...] = e` (its axes new variables with the given
    /// extent sources) and returns it.
    fn hidden_def(&mut self, e: ExprId, free: &[Ix], sources: Vec<(TensorRef, usize)>) -> DefId {
        let saved = std::mem::take(&mut self.map);
        let mut axes = Vec::with_capacity(free.len());
        for (&i, src) in free.iter().zip(sources) {
            let id = self.new_index(i, IndexRole::Axis, None);
            self.out.indices[id.index()].extent_of = Some(src);
            self.map.insert(i, id);
            axes.push(id);
        }
        let body = self.node(e);
        self.map = saved;
        let name = format!("_s{}", self.hidden);
        self.hidden += 1;
        let id = DefId(self.out.defs.len() as u32);
        self.out.defs.push(sema::Def {
            name: Some(name),
            span: self.span,
            axes,
            body,
        });
        id
    }

    /// A node itself (its children through [`Raiser::expr`]).
    fn node(&mut self, e: ExprId) -> Expr {
        if self.over.is_some() {
            return Expr::new(ExprKind::Const(BigRational::one()), self.span);
        }
        let pool = &self.sp.pool;
        let kind = match pool.node(e).clone() {
            Node::Const(r) => ExprKind::Const(r),
            Node::Param(p) => ExprKind::Param(p),
            Node::Index(i) => ExprKind::Index(self.ix(i)),
            Node::Elem(t, ixs) => {
                let t = self.tensor(t);
                if ixs.is_empty()
                    && let TensorRef::Def(d) = t
                {
                    return self.mk(ExprKind::Scalar(d));
                }
                ExprKind::Elem(t, ixs.iter().map(|&i| self.ix(i)).collect())
            }
            Node::Delta(a, b) => ExprKind::Delta(self.ix(a), self.ix(b)),
            Node::Add(ts) => ExprKind::Add(ts.iter().map(|&t| self.expr(t)).collect()),
            Node::Mul(fs) => {
                // Factors with exponent -1 become a divisor.
                let (den, num): (Vec<ExprId>, Vec<ExprId>) = fs.iter().partition(
                    |&&f| matches!(pool.node(f), Node::Pow(_, p) if self.is_minus_one(*p)),
                );
                let num: Vec<Expr> = num.iter().map(|&f| self.expr(f)).collect();
                let num = self.product(num);
                if den.is_empty() {
                    return num;
                }
                let den: Vec<Expr> = den
                    .iter()
                    .map(|&f| match *self.sp.pool.node(f) {
                        Node::Pow(b, _) => self.expr(b),
                        _ => self.expr(f),
                    })
                    .collect();
                let den = self.product(den);
                ExprKind::Div(Box::new(num), Box::new(den))
            }
            Node::Pow(b, p) => ExprKind::Pow(Box::new(self.expr(b)), Box::new(self.expr(p))),
            Node::Call(f, args) => ExprKind::Call(f, args.iter().map(|&a| self.expr(a)).collect()),
            Node::Reduce(kind, i, body) => {
                let bounds = pool.index(i).bounds.map(|(lo, hi)| {
                    let was = std::mem::replace(&mut self.in_bounds, true);
                    let b = (self.expr(lo), self.expr(hi));
                    self.in_bounds = was;
                    b
                });
                let role = if bounds.is_some() {
                    IndexRole::Bound
                } else {
                    IndexRole::Implicit
                };
                let id = self.new_index(i, role, bounds);
                if role == IndexRole::Implicit {
                    self.out.indices[id.index()].extent_of = self
                        .sp
                        .pool
                        .index(i)
                        .anchor
                        .map(|(t, axis)| (self.tensor(t), axis));
                }
                let saved = self.map.insert(i, id);
                let body = self.expr(body);
                match saved {
                    Some(s) => self.map.insert(i, s),
                    None => self.map.remove(&i),
                };
                ExprKind::Reduce {
                    kind,
                    index: id,
                    body: Box::new(body),
                }
            }
        };
        self.mk(kind)
    }
}

/// Whether a power with this exponent is cheap (a square is `x x`).
fn is_small_power(p: Option<&BigRational>) -> bool {
    p.is_some_and(|r| *r == BigRational::from_integer(2.into()) || *r == -BigRational::one())
}

fn is_leaf(n: &Node) -> bool {
    matches!(
        n,
        Node::Const(_) | Node::Param(_) | Node::Index(_) | Node::Elem(..) | Node::Delta(..)
    )
}

/// What a shared node is computed as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Group {
    /// The node alone: closed (a hidden scalar for the whole program), or
    /// with several free indices (a hidden tensor of its definition).
    Own(ExprId),
    /// Every node equal to the others up to the name of its one free
    /// index, which subscripts a tensor in it (so its range is that
    /// tensor axis's everywhere): one hidden tensor for the whole program.
    Shape(u32),
}

/// A node with one free index renamed to a placeholder, its children by
/// shape; a node without that index is itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Shape {
    Exact(ExprId),
    /// Children are shape ids (in the `ExprId`s), the free index is
    /// [`PLACEHOLDER`].
    Open(Node),
}

const PLACEHOLDER: Ix = Ix(u32::MAX);

/// Interned shapes.
#[derive(Default)]
struct Shapes {
    ids: HashMap<Shape, u32>,
    memo: HashMap<(ExprId, Ix), u32>,
}

impl Shapes {
    fn intern(&mut self, s: Shape) -> u32 {
        let n = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(n)
    }

    /// The shape of `e` with `f` renamed to the placeholder.
    fn of(&mut self, pool: &super::pool::Pool, e: ExprId, f: Ix) -> u32 {
        if !pool.depends_on_index(e, f) {
            return self.intern(Shape::Exact(e));
        }
        if let Some(&k) = self.memo.get(&(e, f)) {
            return k;
        }
        let ph = |i: Ix| if i == f { PLACEHOLDER } else { i };
        let kids = |v: &[ExprId], this: &mut Shapes| -> Vec<ExprId> {
            v.iter().map(|&c| ExprId(this.of(pool, c, f))).collect()
        };
        let node = match pool.node(e).clone() {
            Node::Index(i) => Node::Index(ph(i)),
            Node::Elem(t, ixs) => Node::Elem(t, ixs.into_iter().map(ph).collect()),
            Node::Delta(a, b) => Node::Delta(ph(a), ph(b)),
            Node::Add(v) => Node::Add(kids(&v, self)),
            Node::Mul(v) => Node::Mul(kids(&v, self)),
            Node::Call(g, v) => Node::Call(g, kids(&v, self)),
            Node::Pow(a, b) => {
                let v = kids(&[a, b], self);
                Node::Pow(v[0], v[1])
            }
            Node::Reduce(k, i, b) => Node::Reduce(k, i, kids(&[b], self)[0]),
            n @ (Node::Const(_) | Node::Param(_)) => n,
        };
        let k = self.intern(Shape::Open(node));
        self.memo.insert((e, f), k);
        k
    }
}
