//! Intrusive circular doubly linked lists, as libuv's structures embed
//! them: a list head and every member hold a `Link`, so adding and removing
//! never allocates. A member that is in no list has null pointers.

use core::ptr::null_mut;

#[repr(C)]
pub struct Link {
    next: *mut Link,
    prev: *mut Link,
}

impl Link {
    pub const UNLINKED: Link = Link { next: null_mut(), prev: null_mut() };

    /// Makes `head` an empty list.
    ///
    /// # Safety
    /// `head` is valid and stays at this address while it is used.
    pub unsafe fn init(head: *mut Link) {
        // SAFETY: the caller's contract.
        unsafe {
            (*head).next = head;
            (*head).prev = head;
        }
    }

    /// # Safety
    /// `head` is an initialised list head.
    pub unsafe fn is_empty(head: *const Link) -> bool {
        // SAFETY: the caller's contract.
        unsafe { (*head).next as *const Link == head }
    }

    /// Is `node` a member of some list?
    ///
    /// # Safety
    /// `node` is valid.
    pub unsafe fn is_linked(node: *const Link) -> bool {
        // SAFETY: the caller's contract.
        unsafe { !(*node).next.is_null() }
    }

    /// The first member, if any.
    ///
    /// # Safety
    /// `head` is an initialised list head.
    pub unsafe fn first(head: *mut Link) -> Option<*mut Link> {
        // SAFETY: the caller's contract.
        unsafe {
            if Self::is_empty(head) {
                None
            } else {
                Some((*head).next)
            }
        }
    }

    /// The member after `node`, or `None` at the end of the list `head`.
    ///
    /// # Safety
    /// `node` is a member of the list `head`.
    pub unsafe fn next(head: *mut Link, node: *mut Link) -> Option<*mut Link> {
        // SAFETY: the caller's contract.
        let n = unsafe { (*node).next };
        if n == head {
            None
        } else {
            Some(n)
        }
    }

    /// Appends `node`, which must be in no list.
    ///
    /// # Safety
    /// `head` is an initialised head, `node` valid and unlinked.
    pub unsafe fn push_back(head: *mut Link, node: *mut Link) {
        // SAFETY: the caller's contract; all four pointers are list members.
        unsafe {
            (*node).next = head;
            (*node).prev = (*head).prev;
            (*(*head).prev).next = node;
            (*head).prev = node;
        }
    }

    /// Prepends `node`, which must be in no list.
    ///
    /// # Safety
    /// As for [`push_back`](Self::push_back).
    pub unsafe fn push_front(head: *mut Link, node: *mut Link) {
        // SAFETY: the caller's contract.
        unsafe {
            (*node).prev = head;
            (*node).next = (*head).next;
            (*(*head).next).prev = node;
            (*head).next = node;
        }
    }

    /// Takes `node` out of its list (nothing happens if it is in none).
    ///
    /// # Safety
    /// `node` is valid; if linked, its neighbours are too.
    pub unsafe fn remove(node: *mut Link) {
        // SAFETY: the caller's contract.
        unsafe {
            if (*node).next.is_null() {
                return;
            }
            (*(*node).prev).next = (*node).next;
            (*(*node).next).prev = (*node).prev;
            (*node).next = null_mut();
            (*node).prev = null_mut();
        }
    }

    /// Removes and returns the first member.
    ///
    /// # Safety
    /// `head` is an initialised list head.
    pub unsafe fn pop_front(head: *mut Link) -> Option<*mut Link> {
        // SAFETY: the caller's contract.
        unsafe {
            let n = Self::first(head)?;
            Self::remove(n);
            Some(n)
        }
    }

    /// Moves every member of `from` to the (uninitialised) head `to`,
    /// leaving `from` empty. Callbacks can then run over `to` while they
    /// start and stop members of `from`.
    ///
    /// # Safety
    /// `from` is an initialised head; `to` is valid and stays put while used.
    pub unsafe fn move_all(from: *mut Link, to: *mut Link) {
        // SAFETY: the caller's contract.
        unsafe {
            if Self::is_empty(from) {
                Self::init(to);
                return;
            }
            (*to).next = (*from).next;
            (*to).prev = (*from).prev;
            (*(*to).next).prev = to;
            (*(*to).prev).next = to;
            Self::init(from);
        }
    }
}

/// Calls `f` for every member of `head`. Members move to a private list
/// and back one at a time, so `f` may remove any member; members it adds
/// are not visited.
///
/// # Safety
/// `head` is an initialised head; `f` leaves the list well-formed.
pub unsafe fn visit(head: *mut Link, mut f: impl FnMut(*mut Link)) {
    let mut todo = Link::UNLINKED;
    let todo_head: *mut Link = &mut todo;
    // SAFETY: the caller's contract; `todo` stays in place until empty.
    unsafe {
        Link::move_all(head, todo_head);
        while let Some(link) = Link::pop_front(todo_head) {
            Link::push_back(head, link);
            f(link);
        }
    }
}

/// The struct that embeds a `Link` at `$field`, from a pointer to that link.
macro_rules! container_of {
    ($ptr:expr, $ty:ty, $($field:tt)+) => {
        ($ptr as *mut u8).wrapping_sub(core::mem::offset_of!($ty, $($field)+)) as *mut $ty
    };
}
pub(crate) use container_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[repr(C)]
    struct Item {
        value: u32,
        link: Link,
    }

    fn values(head: *mut Link) -> Vec<u32> {
        let mut out = Vec::new();
        // SAFETY: the test's lists hold only `Item`s that outlive the walk.
        unsafe {
            let mut n = Link::first(head);
            while let Some(l) = n {
                out.push((*container_of!(l, Item, link)).value);
                n = Link::next(head, l);
            }
        }
        out
    }

    #[test]
    fn push_remove_and_move() {
        let mut head = Link::UNLINKED;
        let mut items: Vec<Item> = (0..4).map(|value| Item { value, link: Link::UNLINKED }).collect();
        let h: *mut Link = &mut head;
        // SAFETY: `head` and `items` stay in place for the whole test.
        unsafe {
            Link::init(h);
            assert!(Link::is_empty(h));
            for it in items.iter_mut().take(3) {
                Link::push_back(h, &mut it.link);
            }
            Link::push_front(h, &mut items[3].link);
            assert_eq!(values(h), [3, 0, 1, 2]);
            Link::remove(&mut items[1].link);
            assert!(!Link::is_linked(&items[1].link));
            Link::remove(&mut items[1].link);
            assert_eq!(values(h), [3, 0, 2]);
            let mut other = Link::UNLINKED;
            let o: *mut Link = &mut other;
            Link::move_all(h, o);
            assert!(Link::is_empty(h));
            assert_eq!(values(o), [3, 0, 2]);
            let first = Link::pop_front(o).unwrap();
            assert_eq!((*container_of!(first, Item, link)).value, 3);
            assert_eq!(values(o), [0, 2]);
        }
    }
}
