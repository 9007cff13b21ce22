"""Qt table models over the ``sync`` core's records: named columns, a record role, a sort role."""
