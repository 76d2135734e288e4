"""Views of 会务工作, one module per area. ``urls`` imports the modules themselves, and nothing else imports a view,
so nothing is re-exported here (several views share their module's name — ``signin``, ``materials``, ``publicity``,
``dossier`` — and a re-export would shadow the module).

- ``plans``: the meeting list, the 会议方案 (create, edit, detail), the attendee list
- ``approval``: 报批, 统一扎口把关, approval, 退回, 取消 (一(二)1)
- ``notices``: notices and replies (一(二)3)
- ``signin``: on-site sign-in (一(二)7)
- ``seats``: seating charts and name cards (一(二)7, 9)
- ``records``: pre-meeting checks (一(二)4, 5), minutes, decisions, files (一(二)11, 12)
- ``materials``: materials and handouts (一(二)8)
- ``publicity``: 会风监督 (一(二)10), news (一(二)6), banners (一(二)9)
- ``dossier``: 一会一档 export (一(二)13)
- ``schedule``: the calendar and the meeting frequency
- ``rooms``: rooms (一(二)2, 5)
"""
