//! Counting what the study holds: code frequencies, situations, answers, co-occurrence,
//! inter-coder agreement. Pure functions over the model.
