//! tsearch, tfind, tdelete, twalk, tdestroy: binary search trees kept
//! AVL-balanced, so every operation takes O(log n) comparisons.
//!
//! Nodes have cloudlibc's `posix_tnode` layout (key first). Deleting a
//! node with two children moves its in-order successor node into its
//! place rather than copying keys, so a node pointer a caller holds keeps
//! naming the same key until that key is deleted.

use super::Compare;
use crate::abi::{c_int, c_void};
use crate::header::stdlib::malloc::{free, malloc};

#[repr(C)]
pub struct posix_tnode {
    key: *const c_void,
    left: *mut posix_tnode,
    right: *mut posix_tnode,
    /// Height of the right subtree minus that of the left: -1, 0 or 1.
    balance: i8,
}

type Link = *mut *mut posix_tnode;

/// VISIT values for twalk's action.
const PREORDER: c_int = 0;
const POSTORDER: c_int = 1;
const ENDORDER: c_int = 2;
const LEAF: c_int = 3;

/// Restores balance at `*link`, whose balance has reached -2 or 2, by
/// one or two rotations; returns whether the subtree got lower.
///
/// # Safety (for every function taking a Link): `*link` is a node of a
/// valid tree (or null where stated).
unsafe fn rebalance(link: Link) -> bool {
    // SAFETY: a node out of balance has a child on its heavy side, and a
    // double rotation's grandchild exists because that child leans inward.
    unsafe {
        let a = *link;
        let heavy = (*a).balance;
        let (b, inner) = if heavy > 0 { ((*a).right, (*(*a).right).left) } else { ((*a).left, (*(*a).left).right) };
        let dir = heavy.signum();
        if (*b).balance == -dir {
            // The child leans inward: its inner child rises to the top.
            let c = inner;
            if heavy > 0 {
                (*b).left = (*c).right;
                (*a).right = (*c).left;
                (*c).right = b;
                (*c).left = a;
            } else {
                (*b).right = (*c).left;
                (*a).left = (*c).right;
                (*c).left = b;
                (*c).right = a;
            }
            (*a).balance = if (*c).balance == dir { -dir } else { 0 };
            (*b).balance = if (*c).balance == -dir { dir } else { 0 };
            (*c).balance = 0;
            *link = c;
            return true;
        }
        if heavy > 0 {
            (*a).right = (*b).left;
            (*b).left = a;
        } else {
            (*a).left = (*b).right;
            (*b).right = a;
        }
        *link = b;
        if (*b).balance == 0 {
            // Only after a deletion: the height stays the same.
            (*a).balance = dir;
            (*b).balance = -dir;
            false
        } else {
            (*a).balance = 0;
            (*b).balance = 0;
            true
        }
    }
}

/// Adjusts `*link`'s balance after its subtree on side `dir` (-1 left,
/// 1 right) grew; returns whether `*link`'s own subtree grew.
unsafe fn grew(link: Link, dir: i8) -> bool {
    // SAFETY: forwarded contract.
    unsafe {
        let n = *link;
        (*n).balance += dir;
        match (*n).balance {
            0 => false,
            -1 | 1 => true,
            _ => {
                rebalance(link);
                false
            }
        }
    }
}

/// Adjusts `*link`'s balance after its subtree on side `dir` shrank;
/// returns whether `*link`'s own subtree shrank.
unsafe fn shrank(link: Link, dir: i8) -> bool {
    // SAFETY: forwarded contract.
    unsafe {
        let n = *link;
        (*n).balance -= dir;
        match (*n).balance {
            0 => true,
            -1 | 1 => false,
            _ => rebalance(link),
        }
    }
}

/// Finds or inserts `key` below `link`: the node (null if allocation
/// failed) and whether the subtree grew.
unsafe fn insert(link: Link, key: *const c_void, cmp: Compare) -> (*mut posix_tnode, bool) {
    // SAFETY: forwarded contract; cmp accepts the key and the tree's keys.
    unsafe {
        let n = *link;
        if n.is_null() {
            let new = malloc(core::mem::size_of::<posix_tnode>()).cast::<posix_tnode>();
            if new.is_null() {
                return (new, false);
            }
            new.write(posix_tnode { key, left: core::ptr::null_mut(), right: core::ptr::null_mut(), balance: 0 });
            *link = new;
            return (new, true);
        }
        let c = cmp(key, (*n).key);
        if c == 0 {
            return (n, false);
        }
        let dir = if c < 0 { -1 } else { 1 };
        let child = if c < 0 { &raw mut (*n).left } else { &raw mut (*n).right };
        let (found, child_grew) = insert(child, key, cmp);
        (found, child_grew && grew(link, dir))
    }
}

/// Detaches the leftmost node below `link`: the node and whether the
/// subtree shrank.
unsafe fn remove_min(link: Link) -> (*mut posix_tnode, bool) {
    // SAFETY: forwarded contract; `*link` is not null.
    unsafe {
        let n = *link;
        if (*n).left.is_null() {
            *link = (*n).right;
            return (n, true);
        }
        let (min, child_shrank) = remove_min(&raw mut (*n).left);
        (min, child_shrank && shrank(link, -1))
    }
}

/// Unlinks the node holding `key` below `link`: the node (null when
/// absent), its parent (null for the top node), and whether the subtree
/// shrank.
unsafe fn remove(link: Link, parent: *mut posix_tnode, key: *const c_void, cmp: Compare) -> (*mut posix_tnode, *mut posix_tnode, bool) {
    // SAFETY: forwarded contract.
    unsafe {
        let n = *link;
        if n.is_null() {
            return (n, parent, false);
        }
        let c = cmp(key, (*n).key);
        if c != 0 {
            let dir = if c < 0 { -1 } else { 1 };
            let child = if c < 0 { &raw mut (*n).left } else { &raw mut (*n).right };
            let (found, p, child_shrank) = remove(child, n, key, cmp);
            return (found, p, child_shrank && shrank(link, dir));
        }
        if (*n).left.is_null() || (*n).right.is_null() {
            *link = if (*n).left.is_null() { (*n).right } else { (*n).left };
            return (n, parent, true);
        }
        // The successor node takes n's place, children and balance.
        let (s, right_shrank) = remove_min(&raw mut (*n).right);
        (*s).left = (*n).left;
        (*s).right = (*n).right;
        (*s).balance = (*n).balance;
        *link = s;
        (n, parent, right_shrank && shrank(link, 1))
    }
}

/// POSIX `tsearch`: finds `key` in the tree at `*rootp`, inserting it if
/// absent; the node, or NULL if `rootp` is NULL or memory ran out.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tsearch(key: *const c_void, rootp: *mut *mut posix_tnode, cmp: Compare) -> *mut posix_tnode {
    if rootp.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the C contract: *rootp is a tree these functions built.
    unsafe { insert(rootp, key, cmp).0 }
}

/// POSIX `tfind`: the node holding `key`, or NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tfind(key: *const c_void, rootp: *const *mut posix_tnode, cmp: Compare) -> *mut posix_tnode {
    if rootp.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the C contract: *rootp is a tree these functions built.
    unsafe {
        let mut n = *rootp;
        while !n.is_null() {
            let c = cmp(key, (*n).key);
            if c == 0 {
                break;
            }
            n = if c < 0 { (*n).left } else { (*n).right };
        }
        n
    }
}

/// POSIX `tdelete`: removes the node holding `key`; returns its parent,
/// `rootp` itself (an unspecified non-null pointer) when it was the root,
/// or NULL when `key` is absent.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tdelete(key: *const c_void, rootp: *mut *mut posix_tnode, cmp: Compare) -> *mut c_void {
    if rootp.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the C contract: *rootp is a tree these functions built.
    let (node, parent, _) = unsafe { remove(rootp, core::ptr::null_mut(), key, cmp) };
    if node.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the node came from malloc in insert and is now unlinked.
    unsafe { free(node.cast()) };
    if parent.is_null() {
        rootp.cast()
    } else {
        parent.cast()
    }
}

/// POSIX `twalk`: calls `action` for every node, depth first, left to
/// right: leaves once (leaf), other nodes before (preorder), between
/// (postorder) and after (endorder) their subtrees, with their depth.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn twalk(root: *const posix_tnode, action: unsafe extern "C" fn(*const posix_tnode, c_int, c_int)) {
    // SAFETY: the C contract: root is a tree these functions built.
    unsafe { walk(root, action, 0) }
}

unsafe fn walk(n: *const posix_tnode, action: unsafe extern "C" fn(*const posix_tnode, c_int, c_int), depth: c_int) {
    if n.is_null() {
        return;
    }
    // SAFETY: forwarded contract; the depth is O(log n).
    unsafe {
        if (*n).left.is_null() && (*n).right.is_null() {
            action(n, LEAF, depth);
            return;
        }
        action(n, PREORDER, depth);
        walk((*n).left, action, depth + 1);
        action(n, POSTORDER, depth);
        walk((*n).right, action, depth + 1);
        action(n, ENDORDER, depth);
    }
}

/// glibc/cloudlibc `tdestroy`: frees every node, passing each key to
/// `free_key` first.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tdestroy(root: *mut posix_tnode, free_key: unsafe extern "C" fn(*mut c_void)) {
    if root.is_null() {
        return;
    }
    // SAFETY: the C contract: root is a tree these functions built; each
    // node is visited once and freed after its children.
    unsafe {
        tdestroy((*root).left, free_key);
        tdestroy((*root).right, free_key);
        free_key((*root).key.cast_mut());
        free(root.cast());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe extern "C" fn cmp(a: *const c_void, b: *const c_void) -> c_int {
        (a as usize).cmp(&(b as usize)) as c_int
    }

    /// Checks order and AVL balance; returns the height.
    unsafe fn check(n: *const posix_tnode, lo: usize, hi: usize) -> i32 {
        if n.is_null() {
            return 0;
        }
        // SAFETY: n is a node of the test's tree.
        unsafe {
            let k = (*n).key as usize;
            assert!(lo <= k && k <= hi);
            let l = check((*n).left, lo, k.saturating_sub(1));
            let r = check((*n).right, k + 1, hi);
            assert_eq!(i32::from((*n).balance), r - l);
            assert!((r - l).abs() <= 1);
            1 + l.max(r)
        }
    }

    #[test]
    fn stays_balanced_through_inserts_and_deletes() {
        let mut root = core::ptr::null_mut();
        let mut seed = 1u64;
        let mut present = std::collections::BTreeSet::new();
        for _ in 0..4000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let k = 1 + (seed >> 33) as usize % 500;
            // SAFETY: root is a tree built by these functions.
            unsafe {
                if seed >> 63 == 0 {
                    let n = tsearch(k as *const c_void, &mut root, cmp);
                    assert_eq!((*n).key as usize, k);
                    present.insert(k);
                } else {
                    let r = tdelete(k as *const c_void, &mut root, cmp);
                    assert_eq!(!r.is_null(), present.remove(&k));
                }
                check(root, 0, usize::MAX);
            }
        }
        for k in 1..=500usize {
            // SAFETY: as above.
            let n = unsafe { tfind(k as *const c_void, &root, cmp) };
            assert_eq!(!n.is_null(), present.contains(&k));
        }
    }
}
