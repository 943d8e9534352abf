-- Down of db/community/V1__create_room.sql: drops the rooms and their members.
DROP TABLE room_member;
DROP TABLE room;
