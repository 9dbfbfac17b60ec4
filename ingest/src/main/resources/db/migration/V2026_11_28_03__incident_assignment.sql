-- The agency an operator handed an incident to (an agency code of the report catalogue).
ALTER TABLE incident ADD COLUMN assigned_agency text;
