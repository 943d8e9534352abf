-- Down of db/news/V1__create_article.sql: drops the articles and their authors.
DROP TABLE article_author;
DROP TABLE article;
