"""``python -m explorer.classroom.teacher_pack [FOLDER]``: write the teacher's pack."""

from .pack import main

raise SystemExit(main())
