// The terminal application lands with the UI issue.
