// UI foundations land here.
