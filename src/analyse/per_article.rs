//! *Findings* of one kind (mentions, quotes or dates) are kept as one list per
//! article, in article id order, rather than as one long list: the dev server
//! replaces an edited article's list without moving the hundreds of thousands of
//! findings of the others, and a build moves each article's list into place instead
//! of copying it. Read in order, they are the long list: `PerArticle` serialises as one
//! JSON array and compares equal as one.

use serde::Serialize;

use super::{DateMention, DateReference, Mention, Place, Quote};

/// `items` in an allocation of their own size, for a list kept once it is made (the
/// findings; sentence profiles, word diffs and differences of compared articles). A
/// list grows by doubling, and the room no item takes would be held as long as the
/// list.
/// Shrinking in place does not give it back (an allocator may keep a block that is at
/// most half empty), so the list is moved into a new one.
pub(crate) fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    if items.capacity() == items.len() {
        return items;
    }
    let mut out = Vec::with_capacity(items.len());
    out.append(&mut items);
    out
}

/// A finding: something found at a [`Place`] of an article.
pub trait Located {
    fn place(&self) -> &Place;
}

impl Located for Mention {
    fn place(&self) -> &Place {
        &self.place
    }
}

impl Located for Quote {
    fn place(&self) -> &Place {
        &self.place
    }
}

impl Located for DateMention {
    fn place(&self) -> &Place {
        &self.place
    }
}

impl Located for DateReference {
    fn place(&self) -> &Place {
        &self.place
    }
}

/// Findings by article: each list non-empty, all of one article, the lists in article
/// id order.
#[derive(Debug, Clone)]
pub struct PerArticle<T> {
    lists: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for PerArticle<T> {
    fn default() -> Self {
        PerArticle {
            lists: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Located> PerArticle<T> {
    /// Every finding, in article order, then in each article's order.
    pub fn iter(&self) -> impl Iterator<Item = &T> + Clone {
        self.lists.iter().flatten()
    }

    /// Each article's findings, one list per article that has any, in article order.
    pub fn lists(&self) -> impl Iterator<Item = &[T]> {
        self.lists.iter().map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The findings of article `id`, empty if it has none.
    pub fn of(&self, id: &str) -> &[T] {
        match self.search(id) {
            Ok(i) => &self.lists[i],
            Err(_) => &[],
        }
    }

    /// Adds the findings of an article that comes after every article listed so far.
    pub fn push(&mut self, items: Vec<T>) {
        let Some(first) = items.first() else { return };
        debug_assert!(
            self.lists
                .last()
                .is_none_or(|l| l[0].place().article < first.place().article),
            "articles are pushed in id order"
        );
        self.len += items.len();
        self.lists.push(items);
    }

    /// Puts `items` in the place of the findings of article `id`.
    pub fn replace(&mut self, id: &str, items: Vec<T>) {
        debug_assert!(items.iter().all(|x| *x.place().article == *id));
        match (self.search(id), items.is_empty()) {
            (Ok(i), true) => {
                self.len -= self.lists.remove(i).len();
            }
            (Ok(i), false) => {
                self.len = self.len - self.lists[i].len() + items.len();
                self.lists[i] = items;
            }
            (Err(i), false) => {
                self.len += items.len();
                self.lists.insert(i, items);
            }
            (Err(_), true) => {}
        }
    }

    /// The lists, one per article, in order: how a new analysis takes the findings of
    /// the articles that did not change.
    pub fn into_lists(self) -> std::vec::IntoIter<Vec<T>> {
        self.lists.into_iter()
    }

    fn search(&self, id: &str) -> Result<usize, usize> {
        self.lists
            .binary_search_by(|l| l[0].place().article.as_ref().cmp(id))
    }
}

impl<T: Located> FromIterator<T> for PerArticle<T> {
    /// Findings in article order, grouped by article.
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut found = PerArticle::default();
        let mut list: Vec<T> = Vec::new();
        for item in items {
            if list
                .first()
                .is_some_and(|x| x.place().article != item.place().article)
            {
                found.push(std::mem::take(&mut list));
            }
            list.push(item);
        }
        found.push(list);
        found
    }
}

impl<T: Located + PartialEq> PartialEq for PerArticle<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Located + Serialize> Serialize for PerArticle<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places alone, to test the container without whole findings.
    impl Located for Place {
        fn place(&self) -> &Place {
            self
        }
    }

    fn place(article: &str, paragraph: usize) -> Place {
        Place {
            article: article.into(),
            paragraph,
            start: 0,
            end: 1,
        }
    }

    #[test]
    fn an_exact_list_has_no_spare_room_and_the_same_items() {
        let mut grown = Vec::new();
        for i in 0..33 {
            grown.push(i);
        }
        assert!(grown.capacity() > grown.len());
        let exact = exact(grown.clone());
        assert_eq!(exact, grown);
        assert_eq!(exact.capacity(), exact.len());
    }

    #[test]
    fn findings_of_an_article_are_found_by_binary_search() {
        let found: PerArticle<Place> = [place("a", 1), place("b", 1), place("b", 2), place("c", 1)]
            .into_iter()
            .collect();
        assert_eq!(found.of("b").len(), 2);
        assert!(found.of("bb").is_empty());
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn replacing_an_articles_findings_keeps_the_others_in_order() {
        let mut found: PerArticle<Place> = [place("a", 1), place("c", 1)].into_iter().collect();
        found.replace("b", vec![place("b", 1), place("b", 2)]);
        found.replace("a", vec![]);
        found.replace("c", vec![place("c", 3)]);
        found.replace("d", vec![]);
        let expected: PerArticle<Place> = [place("b", 1), place("b", 2), place("c", 3)]
            .into_iter()
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 3);
        assert_eq!(
            serde_json::to_value(&found).unwrap(),
            serde_json::to_value(found.iter().collect::<Vec<_>>()).unwrap()
        );
    }
}
