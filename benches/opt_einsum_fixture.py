#!/usr/bin/env python3
"""Prints tests/fixtures/opt_einsum_costs.json: opt_einsum's optimal FLOP
count for its own test expressions, which tests/all/planner.rs compares the
contraction planner's costs against.

    python3 -m venv /tmp/oe && /tmp/oe/bin/pip install opt_einsum numpy pytest
    /tmp/oe/bin/python benches/opt_einsum_fixture.py > tests/fixtures/opt_einsum_costs.json

Expressions: the lists of opt_einsum's tests/test_contract.py (`tests`) and
tests/test_paths.py (`explicit_path_tests`, `path_edge_tests`) with three or
more operands (the planner's domain; no ellipsis, no empty operand), at
opt_einsum's own test sizes (`opt_einsum.testing._default_dim_dict`) and at
larger ones, the chains of issue 9, and `rand_equation` cases of 3 to 8
operands (the exhaustive range) with fixed seeds. Each line of the output is
one case with the explicit output (`->`), the size of every index, the
optimal cost (`contract_path(..., optimize='optimal').opt_cost`, opt_einsum's
`helpers.flop_count` summed over the path), `exact`: the same search made to
minimise the cost it reports (see `exact_optimal`; lower than `cost` in a few
cases), and
the naive cost (one nest).
"""

import json

import opt_einsum as oe
from opt_einsum.parser import find_output_str
from opt_einsum.testing import _default_dim_dict, rand_equation

# opt_einsum 3.4.0, tests/test_contract.py `tests` (those with >= 3 operands).
CONTRACT_TESTS = [
    "a,ab,abc->abc",
    "a,b,ab->ab",
    "ea,fb,gc,hd,abcd->efgh",
    "ea,fb,abcd,gc,hd->efgh",
    "abcd,ea,fb,gc,hd->efgh",
    "acdf,jbje,gihb,hfac,gfac,gifabc,hfac",
    "cd,bdhe,aidb,hgca,gc,hgibcd,hgac",
    "abhe,hidj,jgba,hiab,gab",
    "bde,cdh,agdb,hica,ibd,hgicd,hiac",
    "chd,bde,agbc,hiad,hgc,hgi,hiad",
    "chd,bde,agbc,hiad,bdi,cgh,agdb",
    "bdhe,acad,hiab,agac,hibd",
    "ab,ab,c->",
    "ab,ab,c->c",
    "ab,ab,cd,cd->",
    "ab,ab,cd,cd->ac",
    "ab,ab,cd,cd->cd",
    "ab,ab,cd,cd,ef,ef->",
    "ab,cd,ef->abcdef",
    "ab,cd,ef->acdf",
    "ab,cd,de->abcde",
    "ab,cd,de->be",
    "ab,bcd,cd->abcd",
    "ab,bcd,cd->abd",
    "eb,cb,fb->cef",
    "dd,fb,be,cdb->cef",
    "bca,cdb,dbf,afc->",
    "dcc,fce,ea,dbf->ab",
    "fdf,cdd,ccd,afe->ae",
    "ed,fcd,ff,bcf->be",
    "baa,dcf,af,cde->be",
    "bd,db,eac->ace",
    "fff,fae,bef,def->abd",
    "efc,dbc,acf,fd->abe",
    "aab,fa,df,ecc->bde",
    "ecb,fef,bad,ed->ac",
    "bcf,bbb,fbf,fc->",
    "bb,ff,be->e",
    "bcb,bb,fc,fff->",
    "fbb,dfd,fc,fc->",
    "afd,ba,cc,dc->bf",
    "adb,bc,fa,cfc->d",
    "bbd,bda,fc,db->acf",
    "dba,ead,cad->bce",
    "aef,fbc,dca->bde",
]

# tests/test_paths.py `explicit_path_tests`: (inputs, output, sizes).
EXPLICIT = [
    ("abd,ac,bdc->", {"a": 1, "b": 2, "c": 3, "d": 4}),
    ("abcd,abc,bc->", {"a": 5, "b": 2, "c": 3, "d": 4}),
]


def exact_optimal():
    """opt_einsum's 'optimal' search made to minimise what contract_path
    reports. As shipped (3.4.0) it differs in two ways: (1) it caches a
    pair's result by the two index sets alone, so where equal operands occur
    in different company (`hfac` twice in 'acdf,jbje,...,hfac') it reuses a
    result that keeps indices no longer needed; (2) its search counts a pair
    as an inner product only when an index *both* operands have is summed
    away (`calc_k12_flops`: shared - keep), while contract_path's `opt_cost`
    counts any index summed away (`find_contraction`'s idx_removed: `j` of
    `jbje`). So its reported optimum can exceed the minimum of the reported
    measure: 12,000 flops for 'acdf,jbje,gihb,hfac,gfac,gifabc,hfac->de' at
    the test sizes, where a path of 11,208 exists."""

    def calc_k12_flops(inputs, output, remaining, i, j, size_dict):
        k1, k2 = inputs[i], inputs[j]
        either = k1 | k2
        keep = frozenset.union(output, *map(inputs.__getitem__, remaining - {i, j}))
        k12 = either & keep
        return k12, oe.helpers.flop_count(either, bool(either - keep), 2, size_dict)

    import inspect
    import textwrap

    src = textwrap.dedent(inspect.getsource(oe.paths.optimal))
    old = "key = (inputs[i], inputs[j])"
    assert old in src, "opt_einsum's optimal changed; update this patch"
    src = src.replace(old, "key = (inputs[i], inputs[j], frozenset(inputs[k] for k in remaining))")
    scope = dict(vars(oe.paths))
    scope["calc_k12_flops"] = calc_k12_flops
    exec(compile(src, "opt_einsum.paths.optimal (cache keyed by remaining)", "exec"), scope)
    return scope["optimal"]


EXACT = exact_optimal()


def explicit(expr):
    if "->" in expr:
        return expr
    return expr + "->" + find_output_str(expr)


def case(expr, sizes):
    expr = explicit(expr)
    terms = expr.split("->")[0].split(",")
    shapes = [tuple(sizes[c] for c in t) for t in terms]
    _, info = oe.contract_path(expr, *shapes, shapes=True, optimize="optimal")
    used = sorted(set(expr.replace(",", "").replace("->", "")))
    out = expr.split("->")[1]
    path = EXACT([set(t) for t in terms], set(out), dict(sizes), None)
    _, exact = oe.contract_path(expr, *shapes, shapes=True, optimize=path)
    return {
        "expr": expr,
        "sizes": [[c, int(sizes[c])] for c in used],
        "cost": int(info.opt_cost),
        "exact": int(exact.opt_cost),
        "naive": int(info.naive_cost),
    }


def main():
    cases = []
    for e in CONTRACT_TESTS:
        cases.append(case(e, _default_dim_dict))
        # The same expressions at larger, more uneven sizes.
        big = {c: 3 + (7 * k) % 29 for k, c in enumerate(_default_dim_dict)}
        cases.append(case(e, big))
    for e, sizes in EXPLICIT:
        cases.append(case(e, sizes))
    # Issue 9's chains.
    cases.append(case("ij,jk,kl->il", {c: 128 for c in "ijkl"}))
    cases.append(case("pi,qj,ijkl,rk,sl->pqrs", {c: 12 for c in "pqrsijkl"}))
    cases.append(case("ij,jk,kl->il", {"i": 10, "j": 100, "k": 5, "l": 50}))
    # opt_einsum's random equations, 3 to 8 operands.
    for n in range(3, 9):
        for seed in range(6):
            eq, shapes, sizes = rand_equation(
                n, 3, n_out=seed % 3, d_min=2, d_max=9, seed=seed, return_size_dict=True
            )
            cases.append(case(eq, sizes))
    print("[")
    print(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
    print("]")


if __name__ == "__main__":
    main()
