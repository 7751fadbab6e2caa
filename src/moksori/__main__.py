from moksori.cli.app import main

main()
