// Replaced by the generator (in progress).
print("usage: cobuy-generate --contracts N [--seed S] -o FILE")
