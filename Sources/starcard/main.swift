print("starcard")
