messages! {}
