-- Down of db/courses/V5__create_section_and_lesson.sql: drops the courses' sections and lessons.
DROP TABLE lesson;
DROP TABLE course_section;
