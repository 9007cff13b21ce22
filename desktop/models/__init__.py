"""Qt item models over the values the ``sync`` queries return (named columns, record role)."""
