print("cobuy")
