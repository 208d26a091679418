extension PostgresConnection {
    /// Quotes a name for use as an SQL identifier (`my "table"` → `"my ""table"""`), for names that
    /// come from configuration; values are never quoted into SQL, they are bound as parameters.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
