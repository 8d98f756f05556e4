package un

import "encoding/xml"

// The element names follow the UN's sc-sanctions.xsd as the real files use
// it. Elements the importer reads nothing from are still declared, so that
// only truly unknown ones land in Other and become warnings.

type xmlRecord struct {
	DataID         string       `xml:"DATAID"`
	VersionNum     string       `xml:"VERSIONNUM"`
	First          string       `xml:"FIRST_NAME"`
	Second         string       `xml:"SECOND_NAME"`
	Third          string       `xml:"THIRD_NAME"`
	Fourth         string       `xml:"FOURTH_NAME"`
	ListType       string       `xml:"UN_LIST_TYPE"`
	Reference      string       `xml:"REFERENCE_NUMBER"`
	ListedOn       string       `xml:"LISTED_ON"`
	Gender         string       `xml:"GENDER"`
	OriginalScript string       `xml:"NAME_ORIGINAL_SCRIPT"`
	Comments       string       `xml:"COMMENTS1"`
	Titles         []string     `xml:"TITLE>VALUE"`
	Designations   []string     `xml:"DESIGNATION>VALUE"`
	Nationalities  []string     `xml:"NATIONALITY>VALUE"`
	ListTypes      []string     `xml:"LIST_TYPE>VALUE"`
	LastUpdated    []string     `xml:"LAST_DAY_UPDATED>VALUE"`
	SubmittedBy    []string     `xml:"SUBMITTED_BY"`
	SubmittedOn    []string     `xml:"SUBMITTED_ON"`
	Aliases        []xmlAlias   `xml:"INDIVIDUAL_ALIAS"`
	EntityAliases  []xmlAlias   `xml:"ENTITY_ALIAS"`
	Addresses      []xmlPlace   `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddrs    []xmlPlace   `xml:"ENTITY_ADDRESS"`
	BirthDates     []xmlDOB     `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces    []xmlPlace   `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents      []xmlDoc     `xml:"INDIVIDUAL_DOCUMENT"`
	SortKey        string       `xml:"SORT_KEY"`
	SortKeyLastMod string       `xml:"SORT_KEY_LAST_MOD"`
	Other          []xmlUnknown `xml:",any"`
}

type xmlAlias struct {
	Quality        string       `xml:"QUALITY"`
	Name           string       `xml:"ALIAS_NAME"`
	Note           string       `xml:"NOTE"`
	DateOfBirth    string       `xml:"DATE_OF_BIRTH"`
	CityOfBirth    string       `xml:"CITY_OF_BIRTH"`
	CountryOfBirth string       `xml:"COUNTRY_OF_BIRTH"`
	Other          []xmlUnknown `xml:",any"`
}

type xmlPlace struct {
	Street  string       `xml:"STREET"`
	City    string       `xml:"CITY"`
	State   string       `xml:"STATE_PROVINCE"`
	Zip     string       `xml:"ZIP_CODE"`
	Country string       `xml:"COUNTRY"`
	Note    string       `xml:"NOTE"`
	Other   []xmlUnknown `xml:",any"`
}

type xmlDOB struct {
	Type     string       `xml:"TYPE_OF_DATE"`
	Date     string       `xml:"DATE"`
	Year     string       `xml:"YEAR"`
	FromYear string       `xml:"FROM_YEAR"`
	ToYear   string       `xml:"TO_YEAR"`
	Note     string       `xml:"NOTE"`
	Other    []xmlUnknown `xml:",any"`
}

type xmlDoc struct {
	Type           string       `xml:"TYPE_OF_DOCUMENT"`
	Type2          string       `xml:"TYPE_OF_DOCUMENT2"`
	Number         string       `xml:"NUMBER"`
	IssuingCountry string       `xml:"ISSUING_COUNTRY"`
	CountryOfIssue string       `xml:"COUNTRY_OF_ISSUE"`
	CityOfIssue    string       `xml:"CITY_OF_ISSUE"`
	DateOfIssue    string       `xml:"DATE_OF_ISSUE"`
	Note           string       `xml:"NOTE"`
	Other          []xmlUnknown `xml:",any"`
}

type xmlUnknown struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}
