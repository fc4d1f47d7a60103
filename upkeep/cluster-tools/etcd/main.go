// Command etcd is etcd's server, built from go.etcd.io/etcd/server/v3 (the same two lines as etcd's root main.go).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
