// Terminal backend lands here.
