"""The tool's own JSON (`json`): the season model as data, and its JSON Schema.

`syntax` turns the model into JSON data and back, and derives the schema,
all from the model's type hints; `reader` parses the text; `writer`
prepares what `templates/json.j2` lays out.
"""
