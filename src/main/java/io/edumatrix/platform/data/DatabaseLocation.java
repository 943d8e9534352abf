package io.edumatrix.platform.data;

/** Where connections go: a server and a database on it. */
public record DatabaseLocation(String host, int port, String database) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
