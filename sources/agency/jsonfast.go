package agency

import (
	"bytes"
	"encoding/json"
)

// jsonRecord is a clean JSON Lines record: every key known, every value of
// the right type. Decoding into it is several times faster than the general
// path in decodeJSON, which lines with unknown keys or bad values take (and
// which words the errors and warnings).
type jsonRecord struct {
	ID          jText     `json:"id"`
	Kind        jText     `json:"kind"`
	Name        jText     `json:"name"`
	Names       jList     `json:"names"`
	NameAr      jText     `json:"name_ar"`
	NameLatin   jText     `json:"name_latin"`
	Given       jText     `json:"given_name"`
	Father      jText     `json:"father_name"`
	Grandfather jText     `json:"grandfather_name"`
	Family      jText     `json:"family_name"`
	Kunya       jText     `json:"kunya"`
	Mother      jText     `json:"mother_name"`
	Gender      jText     `json:"gender"`
	BirthDate   jText     `json:"birth_date"`
	BirthPlace  jText     `json:"birth_place"`
	Nationality jList     `json:"nationality"`
	DocType     jText     `json:"document_type"`
	DocNumber   jText     `json:"document_number"`
	DocCountry  jText     `json:"document_country"`
	Documents   []jsonDoc `json:"documents"`
	Status      jText     `json:"status"`
	List        jText     `json:"list"`
	ListRef     jText     `json:"list_reference"`
	Remarks     jText     `json:"remarks"`
}

type jsonDoc struct {
	Type    jText `json:"type"`
	Number  jText `json:"number"`
	Country jText `json:"country"`
	Forged  *bool `json:"forged"`
}

// jText is a string, a number or null.
type jText string

func (t *jText) UnmarshalJSON(b []byte) error {
	s, err := jsonString(b)
	*t = jText(s)
	return err
}

// jList is an array of strings, or one ';'-separated string.
type jList []string

func (l *jList) UnmarshalJSON(b []byte) error {
	list, err := jsonStrings(b, nil)
	*l = list
	return err
}

// decodeFast decodes a clean line into fl; ok is false when the line needs
// the general path.
func decodeFast(b []byte, fl *fields) (ok bool) {
	var r jsonRecord
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil || dec.InputOffset() != int64(len(b)) {
		return false
	}
	fl.id, fl.kind, fl.name = string(r.ID), string(r.Kind), string(r.Name)
	fl.names = append(fl.names, r.Names...)
	fl.nameAr, fl.nameLatin = string(r.NameAr), string(r.NameLatin)
	fl.given, fl.father, fl.grandfather, fl.family = string(r.Given), string(r.Father), string(r.Grandfather), string(r.Family)
	fl.kunya, fl.mother, fl.gender = string(r.Kunya), string(r.Mother), string(r.Gender)
	fl.birthDate, fl.birthPlace = string(r.BirthDate), string(r.BirthPlace)
	fl.nationality = append(fl.nationality, r.Nationality...)
	fl.colDoc = docFields{typ: string(r.DocType), number: string(r.DocNumber), country: string(r.DocCountry)}
	for _, d := range r.Documents {
		fl.docs = append(fl.docs, docFields{typ: string(d.Type), number: string(d.Number), country: string(d.Country), forged: d.Forged != nil && *d.Forged})
	}
	fl.status, fl.list, fl.listRef, fl.remarks = string(r.Status), string(r.List), string(r.ListRef), string(r.Remarks)
	return true
}
