from opennps.cli import main

main()
