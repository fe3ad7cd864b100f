package credential

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
)

// scramIterations is PostgreSQL's own default for SCRAM-SHA-256.
const scramIterations = 4096

// SCRAMVerifier is what a PostgreSQL server keeps for a password
// (RFC 5802/7677, the format of pg_authid.rolpassword): the password
// itself never travels to the server nor stays anywhere, only keys
// derived from it with salt. salt is 16 random bytes.
func SCRAMVerifier(password string, salt []byte) (string, error) {
	salted, err := pbkdf2.Key(sha256.New, password, salt, scramIterations, sha256.Size)
	if err != nil {
		return "", err
	}
	clientKey := mac(salted, "Client Key")
	stored := sha256.Sum256(clientKey)
	serverKey := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return "SCRAM-SHA-256$" + strconv.Itoa(scramIterations) + ":" + b64(salt) + "$" + b64(stored[:]) + ":" + b64(serverKey), nil
}

func mac(key []byte, msg string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(msg))
	return h.Sum(nil)
}
