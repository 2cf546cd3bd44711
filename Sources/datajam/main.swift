print("datajam")
