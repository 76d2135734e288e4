"""Views of 印信管理, one module per domain (``urls`` imports the modules).

- ``home``: the area's home (what is due today, the registers, the area's 差错)
- ``seals``: seals and their custodians (一(六)1, 7)
- ``requests``: seal requests, approval, recording the use from the request (一(六)2, 3, 5)
- ``register``: the 用印登记簿, safe-return confirmation, corrections, the printable register (一(六)4, 6)
- ``letters``: introduction-letter books and stubs, letterhead paper (一(六)4, 5, 7)
"""
