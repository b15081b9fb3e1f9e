//! QDA-XML: reading a document into an element tree safely ([`dom`]), the tree into the
//! model ([`read`]), and the model back into text ([`write`]).

pub mod dom;
pub mod read;
pub mod write;

pub use dom::XmlError;
