"""The classroom: the answer reader (reading), the exercise engine that judges a reading
(exercises), the lessons' exercise data (lessons), the fact-check and its game (factcheck), the
reveal widgets the walkthroughs use (widgets), the quizzes (quiz), the teacher's pack
(teacher_pack) and the walkthroughs without a kernel (handouts). ``explorer teach
pack|handouts`` runs the last two.

The modules here read the core (`explorer`) and never the other way round.
"""
