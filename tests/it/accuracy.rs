//! Precision and recall of the analysis against a hand-annotated evaluation set.
