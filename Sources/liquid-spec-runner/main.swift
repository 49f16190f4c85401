print("liquid-spec-runner")
