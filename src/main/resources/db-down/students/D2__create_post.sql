-- Down of db/students/V2__create_post.sql: drops the posts and their likes.
DROP TABLE post_like;
DROP TABLE post;
