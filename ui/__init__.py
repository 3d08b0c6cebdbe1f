"""Presentation helpers the Streamlit app calls (charts, labels): they shape what is already
answered or stored for display, and hold no parsing, no SQL and no FAISS."""
